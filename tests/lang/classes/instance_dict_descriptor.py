class C:
    def __init__(self): self.a = 1
c = C()
print(sorted(dir(c)) == sorted(set(dir(c))), [n for n in dir(c) if 'weak' in n or n == '__dict__'])
print(c.__weakref__, c.__dict__)
try: c.__weakref__ = 1
except AttributeError as e: print(e)
try: del c.__weakref__
except AttributeError as e: print(e)
del c.__dict__; print(c.__dict__)
c.__dict__ = {'q': 1}; print(c.q)
try: c.__dict__ = 1
except TypeError as e: print(e)
class M(type): pass
class K(metaclass=M): pass
print(list(vars(M)), list(vars(K)))
class E(Exception): pass
e = E(); e.x = 1; print(e.__dict__, E.__dict__['__weakref__'])
class A: __slots__ = ()
class B(A): pass
print(list(vars(B)), B().__dict__)
import types
print(type(C.__dict__['__dict__']) is types.GetSetDescriptorType)
print(C.__dict__['__dict__'].__qualname__, repr(C.__dict__['__weakref__'].__doc__))
print(getattr(C, '__dict__') is not None, '__weakref__' in dir(C))
class P:
    @property
    def __dict__(self): return 'mine'
print(P().__dict__)
