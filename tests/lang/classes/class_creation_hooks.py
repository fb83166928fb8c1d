class A:
    def __init_subclass__(cls, /, flag=None, **kw):
        print('init_subclass', cls.__name__, flag, kw)
        super().__init_subclass__(**kw)
class B(A, flag=1): pass
class M(type):
    def __prepare__(name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class C(metaclass=M, x=2):
    y = 3
print(C.injected, type(C).__name__)
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class E:
    a = D(); b = D()
class F:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(F[int], F[1, 2])
print(type('T', (), {'x': 1}).x, type(3), type.__name__)
class G:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
g = G()
try: g.b
except AttributeError as e: print('AttributeError', e)
try: g.c = 1
except AttributeError as e: print('AttributeError', e)
print(G.a, G.__slots__, hasattr(g, '__dict__'))
class H(G):
    pass
h = H(); h.c = 5; print(h.c, h.a)
class P:
    @property
    def x(self): return 1
    @x.setter
    def x(self, v): print('set', v)
    @x.deleter
    def x(self): print('del')
p = P(); p.x = 3; del p.x; print(p.x, P.x.fget.__name__)
try:
    P.x.__set__(p)
except TypeError as e: print('TypeError', e)
class Q:
    x = property(doc='docq')
print(Q.x.__doc__)
try: Q().x
except AttributeError as e: print('AttributeError', e)
try: Q().x = 1
except AttributeError as e: print('AttributeError', e)
print(classmethod(len).__func__, staticmethod(len).__func__)
class R:
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(): return 's'
print(R.c(), R().c(), R.s(), R().s(), R.__dict__['c'].__func__.__name__)
print(super(R, R()).__repr__()[:12], super(R).__self__ if False else 'x')
