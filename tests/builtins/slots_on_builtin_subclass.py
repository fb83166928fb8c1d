# `__slots__` on a class derived from a built-in type without a `__dict__`
# (property, list, dict, int, weakref.ref) leaves its instances without one;
# built-ins that have one (exceptions, staticmethod) keep it.
import weakref

class P(property):
    __slots__ = ()
p = P()
print(hasattr(p, '__dict__'))
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError", e)
class L(list):
    __slots__ = ()
l = L()
print(hasattr(l, '__dict__'))
try:
    l.x = 1
except AttributeError as e:
    print("AttributeError", e)
class D(dict):
    __slots__ = ('a',)
d = D(); d.a = 1
try:
    d.x = 1
except AttributeError as e:
    print("AttributeError", e)
class I(int):
    __slots__ = ()
try:
    I(3).x = 1
except AttributeError as e:
    print("AttributeError", e)
class PD(property):
    pass
pd = PD(); pd.x = 5; print(pd.__dict__)
class E(Exception):
    __slots__ = ()
e = E()
e.x = 1
print(e.__dict__)
class SM(staticmethod):
    __slots__ = ()
s = SM(len)
try:
    s.x = 1
except AttributeError as e:
    print("AttributeError", e)

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
try:
    r.other = 2
except AttributeError as e:
    print("AttributeError", e)


class Open(list):
    pass


x = Open()
x.y = 3
print(x.__dict__)


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
