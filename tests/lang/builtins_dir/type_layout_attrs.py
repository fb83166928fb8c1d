# Classes report CPython 3.8's layout figures (__basicsize__, __flags__
# without the valid-version-tag bit, ...) and __text_signature__.
import builtins, abc
ts = sorted((t for t in vars(builtins).values() if isinstance(t, type) and t.__name__ != 'BuiltinImporter'), key=lambda t: t.__name__)
for t in ts:
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__, hex(t.__flags__ & ~(1 << 19)), t.__text_signature__)
class A: pass
class B(A): __slots__ = ('x', 'y')
class C(int): pass
class D(Exception): pass
class E: __slots__ = ()
class F: __slots__ = ('__dict__', 'a')
class G(abc.ABC):
    @abc.abstractmethod
    def m(self): pass
class H(G):
    def m(self): pass
class M(type): pass
class L(list): pass
for t in (A, B, C, D, E, F, G, H, M, L):
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__, hex(t.__flags__ & ~(1 << 19)), t.__text_signature__, bool(t.__flags__ & (1 << 9)))
try: type.__abstractmethods__
except AttributeError as e: print('AttributeError', e)
print([n for n in dir(type) if n.startswith(('__a', '__b', '__d', '__f', '__i', '__t', '__w'))])
