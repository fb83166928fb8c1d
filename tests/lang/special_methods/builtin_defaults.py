# Methods every object and several built-in types have in CPython 3.8:
# object's orderings, __sizeof__, __reversed__, __bool__, __rmod__, ...
o = object()
print(o.__lt__(o), o.__le__(1), o.__gt__(None), o.__ge__(o), object.__lt__(1, 2))
try:
    o < o
except TypeError as e:
    print('TypeError:', e)
for v in [object(), 0, 1, 2**30, 2**60, -2**100, True, False, 1.5, 2j, '', 'abc', 'é', '€uro', '\U0001f600',
          b'', b'abc', (), (1, 2), {}, {1: 2}, set(), frozenset({1, 2}), range(5), slice(1, 2), None]:
    print(repr(v) if type(v) is not object else 'object()', v.__sizeof__())


class Plain:
    pass


class Slotted:
    __slots__ = ('a', 'b')


class SlottedWeak:
    __slots__ = ('a', '__weakref__')


class Empty:
    __slots__ = ()


print(Plain().__sizeof__(), Slotted().__sizeof__(), SlottedWeak().__sizeof__(), Empty().__sizeof__())
print(list([1, 2, 3].__reversed__()), list(range(4).__reversed__()), list(range(0, 10, 3).__reversed__()))
print(type([].__reversed__()).__name__, type(range(3).__reversed__()).__name__)
print(range(0).__bool__(), range(2).__bool__(), None.__bool__())
print('x'.__rmod__(1), '%s!'.__rmod__('a') if False else '', b'x'.__rmod__('y'), 'a%s'.__mod__('b'))
try:
    print('%s'.__rmod__('abc'))
except TypeError as e:
    print('TypeError:', e)
print(bytearray(b'abc').__contains__(98), bytearray(b'abc').__contains__(b'bc'))


class R(list):
    def __reversed__(self):
        print('R.__reversed__')
        return super().__reversed__()


print(list(reversed(R([1, 2]))))
import functools


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __eq__(self, other):
        return self.v == other.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
