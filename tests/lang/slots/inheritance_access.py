# Slots across classes: inherited members, copy, dir, vars(), a member
# applied to the wrong class, and __getattr__ for an unset slot.
import copy


class Base:
    __slots__ = ('a',)


class Child(Base):
    __slots__ = ('b',)

    def __init__(self):
        self.a, self.b = 1, 2


c = Child()
print(c.a, c.b, getattr(c, 'zz', 'default'))
try:
    vars(c)
except TypeError as e:
    print("TypeError", e)
d = copy.copy(c)
print(d.a, d.b, d is c)
print(sorted(n for n in dir(c) if not n.startswith('__')))


class Other:
    __slots__ = ('a',)


o = Other()
o.a = 5
print(Base.a.__get__(c), Other.a.__get__(o))
try:
    Base.a.__get__(o)
except TypeError as e:
    print("TypeError", e)


class WithDefault:
    __slots__ = ('x',)

    def __getattr__(self, name):
        return 'fallback ' + name


w = WithDefault()
print(w.x, w.y)
w.x = 3
print(w.x)
