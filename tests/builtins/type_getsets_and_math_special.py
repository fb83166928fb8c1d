# type.__dict__['__qualname__'] and ['__doc__'] are getsets as in CPython 3.8,
# and math.floor/ceil/trunc find __floor__ etc. on the type, not the instance.
d = type.__dict__
class C:
    "doc C"
print(d['__qualname__'].__get__(C), d['__qualname__'].__get__(int), d['__doc__'].__get__(C))
print(repr(d['__qualname__']), d['__qualname__'].__doc__)
d['__qualname__'].__set__(C, 'D'); print(C.__qualname__)
d['__doc__'].__set__(C, 'newdoc'); print(C.__doc__)
for args in [(str, 'Foo'), (C, 5)]:
    try:
        d['__qualname__'].__set__(*args)
    except TypeError as e: print('TypeError', e)
try:
    type(list).__dict__["__doc__"].__set__(list, "blah")
except TypeError as e: print('TypeError', e)
try:
    d['__qualname__'].__get__(3)
except TypeError as e: print('TypeError', e)
print(C.__name__, int.__doc__[:20], C.__module__, type.__name__, type.__qualname__, type.__doc__[:10], type.__module__)
print('__qualname__' in dir(type), C.__dict__.get('__qualname__'))
import math
class F:
    def __getattribute__(self, n): raise AssertionError(n)
    def __floor__(self): return 42
print(math.floor(F()))
class Descr:
    def __get__(self, obj, owner): return "doc of %s %s" % (obj, owner.__name__)
class E:
    __doc__ = Descr()
print(E.__doc__, type.__dict__['__doc__'].__get__(E))
def fdoc(): pass
class G:
    __doc__ = fdoc
print(G.__doc__ is fdoc, list.__doc__[:10], type.__dict__['__doc__'].__get__(list)[:10])
import math
class T:
    def __getattribute__(self, n): raise AssertionError(n)
    def __ceil__(self): return 1
    def __trunc__(self): return 2
print(math.ceil(T()), math.trunc(T()))
