# Slots are member descriptors in the class dict: repr, type, __get__,
# __set__, __delete__, unset-slot errors, mangling, order, and the checks
# type_new makes on __slots__.
class C:
    __slots__ = ('y', 'x')


print(C.x, C.y)
print(type(C.__dict__['x']), type(C.x).__name__)
print(C.x.__name__, C.x.__objclass__, C.x.__qualname__)
c = C()
try:
    c.x
except AttributeError as e:
    print("AttributeError", e)
C.x.__set__(c, 5)
print(c.x, C.x.__get__(c), C.x.__get__(c, C), C.x.__get__(None, C) is C.x)
C.x.__delete__(c)
for action in (lambda: C.x.__delete__(c), lambda: C.x.__get__(c)):
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)
try:
    del c.y
except AttributeError as e:
    print("AttributeError", e)
for bad in (lambda: C.x.__get__(3), lambda: C.x.__set__(3, 4), lambda: C.x.__delete__('s')):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(list(C.__dict__))
setattr(c, 'y', [1])
print(getattr(c, 'y'), hasattr(c, 'x'), hasattr(c, '__dict__'))


class D(C):
    __slots__ = ('__dict__', 'z')


d = D()
d.x, d.z, d.w = 1, 2, 3
print(d.x, d.z, d.w, D.z, D.x is C.x, sorted(D.__dict__.keys() - {'__dict__'}))
print(D.__dict__['z'].__get__(d))


class Sub(C):
    pass


s = Sub()
s.x = 'sub'
s.other = 1
print(s.x, C.x.__get__(s), s.other)


class G:
    __slots__ = '__private'

    def __init__(self):
        self.__private = 1


print([k for k in G.__dict__ if 'private' in k], G()._G__private, G._G__private)


class Prop:
    __slots__ = ('_v',)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2


p = Prop()
p.v = 21
print(p.v, p._v)

for slots in [('a', 'a'), ('1a',), (1,), 1, ('__dict__', '__dict__'),
              ('__weakref__', '__weakref__'), ('a b',), ('__dict__', '__weakref__')]:
    try:
        T = type('T', (), {'__slots__': slots})
        print(slots, 'ok', sorted(k for k in T.__dict__ if not k.startswith('__')))
    except (TypeError, ValueError) as e:
        print(slots, type(e).__name__, e)
for base in (int, tuple):
    try:
        type('T', (base,), {'__slots__': ('a',)})
    except TypeError as e:
        print(base.__name__, e)
    print(base.__name__, 'empty', type('T', (base,), {'__slots__': ()})(), )
try:
    class Conflict:
        __slots__ = ('v', '__w')
        _Conflict__w = 1
except ValueError as e:
    print("ValueError", e)


class Plain:
    pass


try:
    class Twice(Plain):
        __slots__ = ('__dict__',)
except TypeError as e:
    print("TypeError", e)


class Counter:
    __slots__ = ('n',)


k = Counter()
k.n = 0
for i in range(300):
    k.n += i
print(k.n)
