# Argument binding of every shape a call can take: positional, keywords in
# any order, defaults, keyword-only with and without defaults, *args,
# **kwargs, positional-only names passed as keywords, keys built at run
# time, and each way a call fails to bind (CPython's messages).


def show(f, *args, **kwargs):
    try:
        print(f.__name__, f(*args, **kwargs))
    except TypeError as e:
        print(f.__name__, "TypeError:", e)


def d(a, b=2, c=3):
    return (a, b, c)


def k(a, *, b, c=30):
    return (a, b, c)


def v(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))


def p(a, b=5, /, c=6, **kw):
    return (a, b, c, sorted(kw.items()))


def noparams():
    return "none"


show(d, 1)
show(d, 1, 5)
show(d, 1, c=9)
show(d, c=9, a=7)
show(d, b=8, a=7, c=6)
show(d)
show(d, 1, 2, 3, 4)
show(d, 1, a=2)
show(d, 1, z=2)
show(d, **{"a": 1, "c": "".join(["c"])})
show(k, 1, b=2)
show(k, 1, c=3, b=2)
show(k, 1)
show(k, 1, 2)
show(v, 1)
show(v, 1, 2, 3, 4, c=5, x=6, y=7)
show(v, a=1, z=2)
show(v, 1, b=2, c=3, d=4)
show(v, b=1)
show(p, 1)
show(p, 1, 2, c=3)
show(p, 1, a=10, b=11)
show(p, 1, 2, 3, 4)
show(noparams)
show(noparams, 1)
show(noparams, x=1)


# Defaults and keyword-only defaults replaced at run time.
def r(a, b=1, *, c=2):
    return (a, b, c)


r.__defaults__ = (100,)
r.__kwdefaults__ = {"c": 200}
show(r, 0)
r.__defaults__ = None
show(r, 0)
show(r, 0, 1)
r.__kwdefaults__ = None
show(r, 0, 1)
show(r, 0, 1, c=5)


# Methods and classes bind the same way.
class C:
    def __init__(self, x, y=10, *, z=20):
        self.t = (x, y, z)

    def m(self, q, r=1, **kw):
        return (self.t, q, r, sorted(kw))


c = C(1, z=3)
print(c.t, c.m(5), c.m(5, r=2, s=3), c.m(q=6))
try:
    C()
except TypeError as e:
    print("TypeError:", e)
try:
    c.m(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


# Generators with defaults and keywords.
def g(n, step=1, *, start=0):
    i = start
    while i < n:
        yield i
        i += step


print(list(g(5)), list(g(10, 3)), list(g(10, step=4, start=1)))


# Closures keep their cells alongside bound defaults.
def outer(base):
    def inner(x, y=base, *rest, **kw):
        return base + x + y + len(rest) + len(kw)

    return inner


f = outer(100)
print(f(1), f(1, 2), f(1, 2, 3, 4, w=5), f(x=1, y=0))
total = 0
for i in range(200):
    total += d(i, c=i)[2] + f(i, y=1) + len(v(i, i, i, q=i)[4])
print(total)
