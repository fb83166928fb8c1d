# copy.copy/deepcopy of instances through object.__reduce_ex__ and __dict__.
import copy
class C:
    def __init__(self):
        self.a = [1, 2]
        self.b = {'k': 'v'}
c = C()
c2 = copy.copy(c)
print(type(c2).__name__, c2.__dict__, c2.a is c.a)
c3 = copy.deepcopy(c)
print(c3.__dict__, c3.a is c.a, c3.a == c.a)
class S:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
s = copy.copy(S())
print(s.x, hasattr(s, 'y'))
class E: pass
e = copy.copy(E())
print(type(e).__name__, e.__dict__)
class G:
    def __init__(self, v): self.v = v
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, st): self.v = st['v'] + 1
print(copy.copy(G(2)).v, copy.deepcopy(G(3)).v)
class L(list):
    pass
l = L([1, 2]); l.tag = 't'
l2 = copy.copy(l)
print(type(l2).__name__, l2, l2.tag)
class Dd(dict): pass
d = Dd(a=1); d.extra = 2
d2 = copy.deepcopy(d)
print(type(d2).__name__, d2, d2.extra)
print(C().__reduce_ex__(2)[0].__name__, C().__reduce_ex__(2)[1][0].__name__, E().__reduce_ex__(4)[2])
class N:
    def __init__(self, a): self.a = a
    def __getnewargs__(self): return (self.a,)
n = copy.copy(N(5)); print(n.a)
class R:
    def __reduce__(self): return (R, ())
print(type(copy.copy(R())).__name__)
x = [C(), C()]
y = copy.deepcopy(x)
print(y[0].a, y[0] is not x[0])
