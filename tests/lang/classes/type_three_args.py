def init(self, v):
    self.v = v

Base = type("Base", (), {"kind": "base", "__init__": init})
Derived = type("Derived", (Base,), {"describe": lambda self: f"{self.kind}:{self.v}", "kind": "derived"})
d = Derived(5)
print(d.describe(), Derived.__bases__[0].__name__, Derived.__mro__[1] is Base, type(d).__name__)
print(isinstance(d, Base), Derived.__qualname__, Derived.__module__ if False else "")
try:
    type("X", 5, {})
except TypeError as e:
    print(e)
try:
    type("X", (), 5)
except TypeError as e:
    print(e)
print(type(5), type("s"), type(None))
