# Special methods found on a class are bound the way CPython's slots bind
# them: a slot wrapper of another class rejects the receiver, any other
# descriptor goes through its `__get__`, and `object.__setattr__` may not
# bypass `type`'s own.


def attempt(what, f):
    try:
        print(what, f())
    except (TypeError, AttributeError) as e:
        print(what, type(e).__name__, e)


class A(int):
    __eq__ = str.__eq__
    __add__ = str.__add__
    __mul__ = list.__mul__


a = A()
attempt("a == a", lambda: a == a)
attempt("a + a", lambda: a + a)
attempt("a * 2", lambda: a * 2)
attempt("1 + a", lambda: 1 + a)


class S(str):
    pass


attempt("S + S", lambda: S("x") + S("y"))
attempt("S * 2", lambda: S("x") * 2)


# object.__setattr__ on a type jumps over type.__setattr__ (Carlo Verre).
for t in [object, type]:
    attempt(t.__name__ + ".__setattr__", lambda: t.__setattr__(str, "foo", 1))
    attempt(t.__name__ + ".__delattr__", lambda: t.__delattr__(str, "lower"))


class Meta(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)


class Base:
    pass


class Mixed(Base, Meta):
    pass


obj = Mixed("D", (object,), {})


def set_test():
    obj.test = True
    return obj.test


attempt("indirect", set_test)


class Plain:
    pass


attempt("object.__setattr__(Plain)", lambda: object.__setattr__(Plain, "y", 1))


class Ok(type):
    def __setattr__(cls, key, value):
        super().__setattr__(key, value.upper())


class K(metaclass=Ok):
    pass


K.name = "abc"
print(K.name)
type.__setattr__(K, "other", 2)
print(K.other)
type.__delattr__(K, "other")
print(hasattr(K, "other"))


# __getattribute__ / __getattr__ set to a non-function descriptor.
class Descriptor:
    counter = 0

    def __get__(self, obj, objtype=None):
        def getter(name):
            self.counter += 1
            raise AttributeError(name)

        return getter


descr = Descriptor()


class GA:
    __getattribute__ = descr


class GB:
    __getattr__ = descr


class GC:
    __getattribute__ = descr
    __getattr__ = descr


for cls in [GA, GB, GC]:
    attempt(cls.__name__, lambda: getattr(cls(), "attr"))
    print(descr.counter, hasattr(cls(), "attr"), descr.counter)


class Upper:
    __getattribute__ = staticmethod(lambda name: name.upper())


print(Upper().hello)


# __init__ and comparison methods that are descriptors.
def booh(self):
    raise AttributeError("booh")


class I:
    __init__ = property(booh)


attempt("I()", I)


class St:
    __init__ = staticmethod(lambda *a, **k: print("static", a, k))


St(1, x=2)


class Cm:
    @classmethod
    def __init__(cls, *a):
        print("classmethod", cls.__name__, a)


Cm(3)


class E:
    __eq__ = property(booh)
    __lt__ = property(booh)


e = E()
print(e == e, E() == E(), e != e)
attempt("E() < E()", lambda: E() < E())
