# _abc: the C path of abc.ABCMeta (registries, weak caches, __subclasshook__,
# cache tokens, _get_dump and the resets), checked with collections.abc.
import abc
import collections.abc as cabc
import gc

print("C path:", hasattr(abc, "_abc_init"), abc.ABCMeta.__module__)
print(type(cabc.Mapping._abc_impl).__name__)

values = [{}, [], (), "s", b"b", 1, 1.5, set(), frozenset(), range(3), iter([]),
          (x for x in ()), bytearray()]
abcs = [cabc.Mapping, cabc.MutableMapping, cabc.Sequence, cabc.MutableSequence,
        cabc.Set, cabc.MutableSet, cabc.Iterable, cabc.Iterator, cabc.Generator,
        cabc.Sized, cabc.Container, cabc.Hashable, cabc.Collection, cabc.Reversible,
        cabc.ByteString, cabc.KeysView, cabc.ItemsView, cabc.ValuesView, cabc.Callable]
for v in values:
    print(type(v).__name__, "".join("1" if isinstance(v, a) else "0" for a in abcs))
for a in abcs:
    print(a.__name__, "".join("1" if issubclass(type(v), a) else "0" for v in values))


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass

    @classmethod
    def __subclasshook__(cls, other):
        if cls is Base and any("quack" in k.__dict__ for k in other.__mro__):
            return True
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


class Plain:
    pass


print("hook", issubclass(Duck, Base), isinstance(Duck(), Base), issubclass(Plain, Base))
token = abc.get_cache_token()
Base.register(Plain)
print("token advanced", abc.get_cache_token() == token + 1)
print("registered", issubclass(Plain, Base), isinstance(Plain(), Base))
print("register returns", Base.register(Plain) is Plain, abc.get_cache_token() == token + 1)


class Child(Plain):
    pass


print("child of registered", issubclass(Child, Base))
registry, cache, negative, version = abc._get_dump(Base)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache))
print(type(registry).__name__, type(version).__name__, version <= abc.get_cache_token())
abc._reset_caches(Base)
print("after reset caches", [len(s) for s in abc._get_dump(Base)[:3]])
print(issubclass(Child, Base))
abc._reset_registry(Base)
abc._reset_caches(Base)
print("after reset registry", issubclass(Plain, Base), issubclass(Child, Base))

for bad in [1, "x", Plain()]:
    try:
        Base.register(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    issubclass(1, Base)
except TypeError as e:
    print("TypeError", e)


class Top(abc.ABC):
    pass


class Sub(Top):
    pass


try:
    Sub.register(Top)
except RuntimeError as e:
    print("RuntimeError", e)
print("self register", Top.register(Top) is Top, Top.register(Sub) is Sub)


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, other):
        return 42


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError", e)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass

    @property
    @abc.abstractmethod
    def name(self):
        pass


class Partial(Shape):
    def area(self):
        return 1


class Full(Partial):
    name = "full"


print(sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__),
      sorted(Full.__abstractmethods__), type(Full.__abstractmethods__).__name__)
for cls in (Shape, Partial, Full):
    try:
        print(cls().area())
    except TypeError as e:
        print("TypeError", e)


class Proxy:
    @property
    def __class__(self):
        return dict


print("__class__ differs", isinstance(Proxy(), cabc.Mapping), isinstance(Proxy(), cabc.Hashable))


# Classes made and dropped in a loop do not answer for one another.
hits = 0
for i in range(200):
    K = type("K%d" % i, (), {"__len__": lambda self: 0} if i % 2 else {})
    hits += isinstance(K(), cabc.Sized)
    del K
    if i % 50 == 0:
        gc.collect()
print("sized hits", hits)


class Meta(abc.ABCMeta):
    pass


class WithMeta(metaclass=Meta):
    @abc.abstractmethod
    def f(self):
        pass


WithMeta.register(int)
print("meta", isinstance(3, WithMeta), issubclass(bool, WithMeta), issubclass(str, WithMeta))
print(abc.ABC.__abstractmethods__, cabc.Sequence.__abstractmethods__ == frozenset({"__getitem__", "__len__"}))
