class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is bool

class IntLike(metaclass=Meta):
    pass

print(isinstance(5, IntLike), isinstance("s", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(5, (str, IntLike)))
try:
    isinstance(5, 5)
except TypeError as e:
    print(e)
try:
    issubclass(5, int)
except TypeError as e:
    print(e)
