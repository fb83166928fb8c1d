# `__slots__` on a class derived from a built-in type without a `__dict__`
# (property, list, dict, int, weakref.ref) leaves its instances without one;
# built-ins that have one (exceptions, staticmethod) keep it.
import weakref


def try_set(obj, name="x"):
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print("AttributeError", e)
    else:
        print("set", name, "on", type(obj).__name__, getattr(obj, "__dict__", None))


class P(property):
    __slots__ = ()


class L(list):
    __slots__ = ()


class D(dict):
    __slots__ = ("a",)


class I(int):
    __slots__ = ()


class PD(property):
    pass


class E(Exception):
    __slots__ = ()


class SM(staticmethod):
    __slots__ = ()


print(hasattr(P(), "__dict__"), hasattr(L(), "__dict__"), hasattr(D(), "__dict__"))
for obj in (P(), L(), D(), I(3), PD(), E(), SM(len)):
    try_set(obj)
try_set(D(), "a")
try:
    P().__dict__
except AttributeError as e:
    print("AttributeError", e)


class R(weakref.ref):
    __slots__ = ("extra",)


class Obj:
    pass


o = Obj()
r = R(o)
r.extra = 1
print(hasattr(r, "__dict__"), r.extra, r() is o)
try_set(r, "other")


class K(weakref.ref):
    def __init__(self, ob, callback=None, key=None):
        super().__init__(ob, callback)
        self.key = key


k = K(o, None, key="k1")
k2 = K(o, key="k2")
print(k.key, k2.key, k() is o)
try:
    weakref.ref(o, callback=None)
except TypeError as e:
    print("TypeError", e)


class CM(classmethod):
    pass


class Holder:
    s = SM(len)
    c = CM(lambda cls: cls.__name__)


print(type(SM(len)).__name__, type(CM(len)).__name__, Holder.s("abc"), Holder.c())
