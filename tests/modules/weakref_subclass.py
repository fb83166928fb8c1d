# weakref.ref subclasses (KeyedRef, WeakMethod), shared plain refs, ref
# equality/hash by target, __callback__, repr, and the weak dictionaries
# built on them.
import gc
import weakref


class Obj:
    def __init__(self, arg):
        self.arg = arg

    def __eq__(self, other):
        return isinstance(other, Obj) and self.arg == other.arg

    def __hash__(self):
        return hash(self.arg)

    def method(self):
        return self.arg


class MyRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Plain(weakref.ref):
    pass


a, b = Obj(1), Obj(1)
r = MyRef(a, None, "k")
print(type(r).__name__, r() is a, r.key, r.__callback__, isinstance(r, weakref.ref))
p = Plain(a)
p.extra = 5
print(p.extra, p() is a, p is not weakref.ref(a))
print(weakref.ref(a) is weakref.ref(a), weakref.ref(a, print) is weakref.ref(a, print))
ra, rb = weakref.ref(a), weakref.ref(b, lambda w: None)
print(ra == rb, ra != rb, hash(ra) == hash(1), {rb: "found"}[ra])
print(repr(weakref.ref(Obj)).split(";")[1].split(" at ")[0])
try:
    MyRef(a, None)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref(a, None, 3)
except TypeError as e:
    print("TypeError", e)

seen = []
c = Obj(2)
rc = weakref.ref(c, lambda w: seen.append("gone"))
h = hash(rc)
print(rc.__callback__ is not None)
c = None
gc.collect()
print(rc(), seen, rc.__callback__, hash(rc) == h, repr(rc).endswith("; dead>"))

# WeakKeyDictionary / WeakValueDictionary use these refs.
k1, k2 = Obj(10), Obj(11)
wk = weakref.WeakKeyDictionary({k1: "one", k2: "two"})
print(wk[Obj(10)], Obj(11) in wk, len(wk))
del wk[k1]
k2 = None
gc.collect()
print(len(wk))
v1, v2 = Obj(20), Obj(21)
wv = weakref.WeakValueDictionary({"a": v1, "b": v2})
print(wv["a"].arg, sorted(wv.keys()), wv.setdefault("c", v1).arg, wv.pop("b").arg)
v2 = None
v1 = None
gc.collect()
print(len(wv), list(wv.items()))

# WeakMethod
o = Obj(30)
wm = weakref.WeakMethod(o.method)
print(wm()(), wm == weakref.WeakMethod(o.method))
o = None
gc.collect()
print(wm())
