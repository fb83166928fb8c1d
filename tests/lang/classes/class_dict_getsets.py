class C:
    x = 1
    def f(self): pass
print(list(vars(C)))
class D(C): pass
print(list(vars(D)))
class S:
    __slots__ = ('a',)
print(list(vars(S)))
class S2:
    __slots__ = ('a', '__dict__')
print(list(vars(S2)))
class S3:
    __slots__ = ('a', '__weakref__')
print(list(vars(S3)))
class E(Exception): pass
print(list(vars(E)))
class I(int): pass
print(list(vars(I)))
class L(list): pass
print(list(vars(L)))
print(C.__dict__['__dict__'], C.__dict__['__weakref__'], type(C.__dict__['__dict__']))
d = C.__dict__['__dict__']
c = C(); c.y = 2
print(d.__get__(c), d.__get__(None, C) is d, d.__name__, d.__objclass__)
d.__set__(c, {'z': 3}); print(c.z, c.__dict__)
print(C.__dict__['__weakref__'].__get__(c))
try: d.__get__(1)
except TypeError as e: print(e)
print(C.__dict__['__doc__'], C.__weakref__, C.__dict__['__module__'])
