class A:
    __slots__ = ('a', 'b')

class B(A):
    pass

b = B()
b.a = 1
b.x = 2
print(vars(b))
print(b.__dict__)
b.__dict__.clear()
print(b.a, vars(b))
b.__dict__ = {'y': 3}
print(b.a, b.y, vars(b))
del b.a
try:
    b.a
except AttributeError as e:
    print('AE', e)
try:
    del b.a
except AttributeError as e:
    print('AE', e)
b.a = 5
b.b = 6
print(sorted(vars(b)), b.a, b.b)
print(B.a, A.b, B.__dict__.get('__dict__'), '__weakref__' in B.__dict__)

class C:
    __slots__ = ('a', '__dict__')
c = C()
c.a = 1
c.z = 2
print(c.__dict__, c.a)
del c.z
print(c.__dict__, c.a)
c.q = 1; c.r = 2; del c.q
print(c.__dict__, c.a)
print(C.__dict__['a'], C.__dict__['__dict__'])
print(hasattr(C, '__weakref__'))

class D:
    __slots__ = ('a', '__weakref__')
import weakref
d = D()
r = weakref.ref(d)
print(r() is d, D.__weakref__)
try:
    d.__dict__
except AttributeError as e:
    print('AE', e)
try:
    d.zz = 1
except AttributeError as e:
    print('AE', e)

class E(B):
    __slots__ = ('e',)
e = E()
e.a = 1; e.e = 2; e.w = 3
print(vars(e))
for i in range(3):
    e.a = i
    e.e = i * 2
    print(e.a + e.e, e.__dict__)
import copy
e2 = copy.copy(e)
print(e2.a, e2.e, vars(e2))
