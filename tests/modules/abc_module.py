# abc: abstract methods and properties, register, subclasshook, ABCMeta caches, collections.abc.
import abc
import collections.abc as cabc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    @classmethod
    @abc.abstractmethod
    def make(cls):
        ...

    def describe(self):
        return "%s with area %s" % (self.name, self.area())


print(sorted(Shape.__abstractmethods__), isinstance(Shape, abc.ABCMeta))
try:
    Shape()
except TypeError as e:
    print("TypeError", e)


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"

    @classmethod
    def make(cls):
        return cls(2)


class Half(Shape):
    def area(self):
        return 0


print(Square.make().describe(), Square.__abstractmethods__, sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print("TypeError", e)


class Duck(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return any("quack" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class Mallard:
    def quack(self):
        pass


print(issubclass(Mallard, Duck), isinstance(Mallard(), Duck), issubclass(int, Duck))


class Sized2(abc.ABC):
    pass


Sized2.register(tuple)
r = Sized2.register(dict)
print(r is dict, issubclass(tuple, Sized2), isinstance((), Sized2), issubclass(list, Sized2), isinstance({}, Sized2))


class MyTuple(tuple):
    pass


print(issubclass(MyTuple, Sized2), Sized2.__subclasses__(), abc.get_cache_token() is not None)


class Seq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = Seq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, cabc.Iterable))


class Bag(cabc.MutableSet):
    def __init__(self, it=()):
        self.items = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)


b = Bag([1, 2, 3])
b |= {4}
print(sorted(b), sorted(b & {2, 4, 9}), b.isdisjoint({7}), len(b - {1}))
for t in (list, dict, set, str, bytes, int, type(iter([])), type(x for x in [])):
    print(t.__name__, [n for n in ("Iterable", "Sized", "Container", "Hashable", "Sequence", "Mapping", "Set",
                                   "Iterator", "Generator", "Reversible", "Collection", "MutableSequence")
                       if issubclass(t, getattr(cabc, n))])
print(abc.abstractproperty is not None, hasattr(abc, "ABC"), type(Shape).__name__)
