class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a, k)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
class A(metaclass=Meta, flag=True):
    x = 1
    def f(self): return self.x
a = A()
print(A.injected, a.f(), type(A).__name__, A.__class__.__name__)
print(repr(Meta.__call__)[:30], Meta.__prepare__)
class D:
    def __get__(self, obj, typ=None): return ('get', obj is None, typ.__name__)
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name)
class B:
    d = D()
print(B.d, B().d[0])
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
def g():
    try:
        yield 1
        yield 2
    finally:
        print('fin')
it = g(); print(next(it)); it.close(); print(it.gi_frame, it.gi_running)
print([x for x in range(3) if x], {x: x*x for x in range(3)}, {x % 2 for x in range(5)})
x = 5; print(f'{x!r:>4}|{x:#x}|{"s"!a}|{x=}' if False else f'{x!r:>4}|{x:#x}|{"s"!a}')
print(f'{3.14159:.2f}', f'{"abc":^9}', f'{1e10:g}', f'{12345678:,}', f'{-0.0:+}')
import sys
print(sys.getrecursionlimit() > 100)
try:
    [].pop()
except IndexError as e:
    print(e, e.args)
try:
    {}['k']
except KeyError as e:
    print(e, repr(e), str(e))
try:
    int('x')
except ValueError as e:
    print(e)
e = StopIteration(5); print(e.value, StopIteration().value)
print(ExceptionGroup if False else 'ok')
print(isinstance(Meta, type), issubclass(A, object), A.__mro__)
class C:
    __slots__ = ('a',)
try:
    C().b = 1
except AttributeError as e:
    print(e)
try:
    C().a
except AttributeError as e:
    print(e)
