from collections import defaultdict
import copy, pickle
d = defaultdict(list)
d['a'].append(1)
print(d, repr(d), type(d), isinstance(d, dict), defaultdict.__module__)
print(d.default_factory, d.copy(), copy.copy(d), copy.deepcopy(d))
print(pickle.loads(pickle.dumps(d)))
e = defaultdict()
print(e, e.default_factory)
try:
    e[1]
except KeyError as x:
    print("KeyError", x.args)
try:
    defaultdict(1)
except TypeError as x:
    print(x)
f = defaultdict(None, {1: 2}, x=3)
print(f)
f.default_factory = int
print(f[5], f)
del f.default_factory
print(f.default_factory)
class sub(defaultdict):
    def __init__(self):
        self.default_factory = self._factory
    def _factory(self):
        return []
s = sub()
print(repr(s)[:20], repr(s)[-20:])
s['x']
print(s)
print(d.__reduce__()[:4])
class S2(defaultdict):
    def __missing__(self, k):
        return 42
print(S2(int)[3])
print(defaultdict(int, a=1) == {'a': 1})
try:
    defaultdict.__missing__({}, 1)
except TypeError as x:
    print(x)
try:
    defaultdict.__init__({})
except TypeError as x:
    print(x)
z = defaultdict(lambda: 0)
print(z.__reduce__()[1][0] is z.default_factory)
try:
    d.__missing__()
except TypeError as x:
    print(x)
print(defaultdict.default_factory.__get__(defaultdict(int)))
g = defaultdict(int); g[1] += 1; g2 = g.copy(); g2[2]; print(g, g2)
print(defaultdict(int, [(1,2)]), defaultdict.fromkeys([1,2]))
# The factory is set before dict.__init__ runs; dict's argument errors.
try:
    defaultdict(int, 1, 2)
except TypeError as x:
    print(x)
h = defaultdict(int, {'k': 1})
h.__init__(list)
print(h)
# A falsy factory still pickles as an argument.
class Falsy:
    def __bool__(self):
        return False
    def __call__(self):
        return 0
print(len(defaultdict(Falsy()).__reduce__()[1]))
# Recursion through the dict's own items.
r = defaultdict(list)
r['self'] = r
print(r)
# __missing__ stores through a subclass's __setitem__.
class Logged(defaultdict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
lg = Logged(str)
print(lg['q'], lg)
# A factory that raises leaves the dict unchanged.
def boom():
    raise ValueError("boom")
b = defaultdict(boom)
try:
    b[1]
except ValueError as x:
    print(x, len(b))
print(b.get(1), 1 in b, defaultdict(int, {1: 2}).pop(1))
