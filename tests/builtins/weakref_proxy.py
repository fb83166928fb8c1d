# weakref.proxy: a real proxy type forwarding attributes, operators and
# calls, raising ReferenceError once its referent dies.
import gc
import weakref


class C:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return C(self.v + (other.v if isinstance(other, C) else other))

    def __radd__(self, other):
        return C(other + self.v)

    def __iadd__(self, other):
        self.v += other
        return self

    def __eq__(self, other):
        return isinstance(other, C) and self.v == other.v

    __hash__ = object.__hash__

    def __lt__(self, other):
        return self.v < other.v

    def __len__(self):
        return self.v

    def __getitem__(self, i):
        return i * self.v

    def __setitem__(self, k, v):
        self.last = (k, v)

    def __delitem__(self, k):
        self.last = ("del", k)

    def __iter__(self):
        return iter(range(self.v))

    def __contains__(self, x):
        return x == self.v

    def __str__(self):
        return "C(%d)" % self.v

    def __bool__(self):
        return self.v != 0

    def __index__(self):
        return self.v

    def __neg__(self):
        return -self.v

    def meth(self):
        return "meth of %d" % self.v


def f(x):
    return x * 2


def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


o = C(3)
p = weakref.proxy(o)
print(type(p), type(p).__name__, type(p).__module__)
print(type(p) is weakref.ProxyType, weakref.ProxyType in weakref.ProxyTypes)
print(repr(p).startswith("<weakproxy at 0x"), " to C at 0x" in repr(p))
print(p.v, p.meth(), p.__class__, isinstance(p, C))
p.w = 10
print(o.w)
del p.w
print(hasattr(o, "w"))
print(str(p), len(p), p[4], list(p), 3 in p, 4 in p, bool(p), -p)
p[1] = 2
print(o.last)
del p[5]
print(o.last)
print((p + 1).v, (1 + p).v, (p + p).v, p == o, o == p, p == C(3), p != o, p < C(5))
print([10, 20, 30, 40][p])
show("hash", lambda: hash(p))
p3 = weakref.proxy(o, lambda x: None)
print(weakref.proxy(o) is p, p3 is p)
print(weakref.getweakrefcount(o), [type(r).__name__ for r in weakref.getweakrefs(o)])
q = p
q += 4
print(type(q).__name__, o.v)

fp = weakref.proxy(f)
print(type(fp).__name__, fp(21), callable(fp), fp.__name__)
print(repr(fp).startswith("<weakproxy at "))

n = weakref.proxy(C(0))
gc.collect()
show("dead attr", lambda: n.v)
show("dead str", lambda: str(n))
show("dead bool", lambda: bool(n))
show("dead add", lambda: n + 1)
show("dead radd", lambda: 1 + n)
show("dead eq", lambda: n == 1)
print(" to NoneType at " in repr(n))

died = []
o2 = C(5)
p2 = weakref.proxy(o2, lambda x: died.append(type(x).__name__))
del o2
gc.collect()
print(died)

for t in (weakref.ProxyType, weakref.CallableProxyType):
    show("construct " + t.__name__, lambda: t(o))
try:
    class Sub(weakref.ProxyType):
        pass
except TypeError as e:
    print("subclass:", e)
show("proxy of int", lambda: weakref.proxy(1))
show("proxy no args", lambda: weakref.proxy())
show("proxy 3 args", lambda: weakref.proxy(o, None, None))
show("proxy keywords", lambda: weakref.proxy(o, callback=None))


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


it = It()
print(list(weakref.proxy(it)), next(iter(weakref.proxy(o))))
show("next of non-iterator", lambda: next(weakref.proxy(o)))


class B:
    def __bytes__(self):
        return b"bee"

    def __reversed__(self):
        return iter("ba")


b = B()
print(bytes(weakref.proxy(b)))
show("reversed", lambda: reversed(weakref.proxy(b)))
print(sorted(weakref.WeakValueDictionary({1: o}).keys()))
