class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns, **kw)

class Base(metaclass=Meta):
    def __init_subclass__(cls, level=0, **kw):
        print("init_subclass", cls.__name__, level)
        cls.level = level
        super().__init_subclass__(**kw)

class A(Base, level=2):
    pass

class B(A):
    pass

print(A.level, B.level, Base.__dict__.get("level", "unset"))
try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print(e)
