class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}

    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted([k for k in ns if not k.startswith("__")]))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *args):
        print("call", cls.__name__, args)
        obj = cls.__new__(cls)
        obj.__init__(*args)
        return obj

class A(metaclass=Meta, flag=True):
    def __init__(self, v):
        self.v = v

a = A(5)
print(a.v, A.injected, type(A).__name__, isinstance(A, Meta))

class B(A):
    pass

print(type(B).__name__)
b = B(1)

T = type("T", (object,), {"x": 3, "f": lambda self: self.x * 2})
print(T().f(), T.__name__)

class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = cls.__new__(cls)
        return cls._inst[cls]

class S(metaclass=Single):
    pass

print(S() is S())
