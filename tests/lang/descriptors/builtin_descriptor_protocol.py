class A:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
        super().__init_subclass__()
class B(A, tag=1):
    pass
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int])
class P:
    @property
    def x(self):
        return 1
try:
    P().x = 2
except AttributeError as e:
    print(e)
try:
    del P().x
except AttributeError as e:
    print(e)
class Desc:
    def __set__(self, obj, v):
        print('set', v)
class H:
    d = Desc()
h = H(); h.d = 5; h.__dict__['d'] = 7; print(h.d)
class N:
    def __eq__(self, o): return True
print(N.__hash__, hash is not None)
try:
    hash(N())
except TypeError as e:
    print(e)
class It:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i * 10
print(list(It()), 20 in It())
class Bad:
    def __len__(self): return -1
try:
    len(Bad())
except ValueError as e:
    print(e)
class Idx:
    def __index__(self): return 1
print([1, 2][Idx()], bin(Idx()), range(5)[Idx()])
print(type(None).__bool__(None) if hasattr(type(None), '__bool__') else 'no')
print(object.__ne__(1, 1), object.__eq__(1, 2))
try:
    object.__lt__(1)
except TypeError as e:
    print(e)
import types
print(types.MethodWrapperType, types.WrapperDescriptorType, types.MethodDescriptorType)
print(type(str.__dict__['upper']), type(object.__dict__['__init__']))
print(callable(int.__add__), int.__add__(2, 3), (2).__add__(3), int.__radd__(2, 3))
import inspect
print(inspect.ismethoddescriptor(int.__add__), inspect.isbuiltin(len), inspect.isroutine(int.__add__))
s = {1, 2}; fs = frozenset({3})
print(s.__or__(fs), fs.__or__(s), type(fs.__or__(s)).__name__)
print(sorted(dir(3))[:5])
