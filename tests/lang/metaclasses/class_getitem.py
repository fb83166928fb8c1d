# __class_getitem__: an implicit classmethod; used by C[...] only when the
# metaclass has no __getitem__.
class Box:
    def __class_getitem__(cls, item):
        return ("Box of", cls.__name__, item)


class SubBox(Box):
    pass


print(Box[int][0], Box[int][2] is int)
print(SubBox[str, bytes])


class Meta(type):
    def __getitem__(cls, item):
        return "meta getitem " + repr(item)


class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"


print(WithMeta[1])
try:
    object[int]
except TypeError as e:
    print("TypeError", e)
print(Box.__class_getitem__(1))
b = Box()
try:
    b[0]
except TypeError as e:
    print("TypeError", e)
print(list[int] if hasattr(list, "__class_getitem__") else "no generic list in 3.8")
