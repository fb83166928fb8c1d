class Meta(type):
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return 42
    def __getitem__(cls, k):
        return (cls.__name__, k)
    def __iter__(cls):
        return iter([1, 2, 3])
    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"

class A(metaclass=Meta):
    pass

print(A.describe(), A.upper_name, len(A), A["k"], list(A), A, repr(A))
try:
    A().describe()
except AttributeError as e:
    print(e)
class B(A):
    pass
print(B.describe(), len(B), type(B).__name__)
