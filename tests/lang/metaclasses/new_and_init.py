# Metaclass __new__/__init__ arguments, keyword arguments to the class
# statement, and metaclass inheritance and the most derived metaclass rule.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)


class SubMeta(Meta):
    pass


class A(metaclass=Meta, color="red"):
    x = 1


class B(A):
    y = 2


class C(B, metaclass=SubMeta):
    pass


print(type(A).__name__, type(B).__name__, type(C).__name__)
print(A.kw, B.kw, C.kw)
D = Meta("D", (object,), {"z": 3})
print(D.z, type(D).__name__)
print(isinstance(C, Meta), issubclass(SubMeta, type))
X = type("X", (), {"v": 1})
print(X.__name__, X.v, X.__mro__)
try:
    type("Y", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("Y", (), {}, extra=1)
except TypeError as e:
    print("TypeError", e)
