class C:
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
d = c.__dict__
print(type(d) is dict, d)
d['x'] = 10
print(c.x)
c.y = 5
print(d, c.__dict__ is d, vars(c) is d)
del d['a']
try:
    c.a
except AttributeError as e:
    print("AttributeError", e)
d.update(z=3, w=4)
print(c.z, c.w)
c.__dict__ = {'q': 7}
print(c.q, hasattr(c, 'x'), d)
c.r = 8
print(c.__dict__)
c.__dict__.clear()
print(c.__dict__, hasattr(c, 'q'))
del c.__dict__
print(c.__dict__)
# many instances: shape unaffected for others
e = C()
print(e.a, e.b, e.__dict__)
e.__dict__['a'] = 100
print(e.a)
for i in range(3):
    print(C().a + i)
# methods and shadowing through dict
class M:
    def f(self): return 'method'
m = M()
m.__dict__['f'] = lambda: 'shadow'
print(m.f())
del m.__dict__['f']
print(m.f())
# functions
def g(): pass
g.attr = 1
fd = g.__dict__
fd['other'] = 2
print(g.other, sorted(fd))
g.__dict__ = {'k': 3}
print(g.k)
# exceptions
ex = ValueError('v')
ex.note = 'n'
ed = ex.__dict__
ed['more'] = 1
print(ex.more, ed)
# builtin subclasses
class I(int): pass
i = I(5)
i.__dict__['tag'] = 't'
print(i.tag, i.__dict__, i + 1)
class L(list): pass
l = L([1])
l.x = 1
print(l.__dict__)
# modules
import sys
print(sys.modules[__name__].__dict__ is globals())
# slots
class S:
    __slots__ = ('a',)
try:
    S().__dict__
except AttributeError as e:
    print("AttributeError", e)
try:
    object().__dict__
except AttributeError as e:
    print("AttributeError", e)
# type dict
class K:
    x = 1
    def meth(self): pass
kd = K.__dict__
print(type(kd).__name__, kd['x'], 'meth' in kd, len([k for k in kd if not k.startswith('__')]))
K.y = 2
print(kd['y'], kd.get('nope', 'dflt'))
try:
    kd['x'] = 2
except TypeError as e:
    print("TypeError", e)
print(sorted(k for k in K.__dict__.keys() if not k.startswith('__')))
print(int.__dict__['bit_length'] is not None)
# non-str keys
c2 = C()
c2.__dict__[1] = 'one'
print(c2.__dict__)
# __class__ assignment keeps the dict
class C2(C): pass
c3 = C()
d3 = c3.__dict__
c3.__class__ = C2
c3.n = 1
print(type(c3).__name__, d3)
# hot loops: inline caches and traces that saw ordinary shapes must see
# an instance whose attributes moved into its dict
class P:
    def __init__(self, x):
        self.x = x
def total(objs):
    t = 0
    for o in objs:
        t += o.x
    return t
objs = [P(i) for i in range(50)]
print(total(objs))
objs[10].__dict__['x'] = 1000
objs[20].__dict__ = {'x': -5}
vars(objs[30])['x'] = 0
print(total(objs))
for o in objs[:5]:
    o.x += 1
    print(o.__dict__, end=' ')
print()
q = P(1)
for i in range(30):
    if i == 15:
        q.__dict__['x'] = 100
    q.x += 1
print(q.x, q.__dict__)
# errors
try:
    c.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
def f(): pass
try:
    f.__dict__ = 3
except TypeError as e:
    print("TypeError", e)
try:
    del f.__dict__
except TypeError as e:
    print("TypeError", e)
try:
    ValueError(1).__dict__ = []
except TypeError as e:
    print("TypeError", e)
try:
    C.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__dict__ = {}
except TypeError as e:
    print("TypeError", e)
class D(dict):
    pass
c5 = C()
c5.__dict__ = D(a=1)
print(type(c5.__dict__).__name__, c5.a)
try:
    vars(1)
except TypeError as e:
    print("TypeError", e)
