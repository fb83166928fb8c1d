# typing: generic aliases, reprs, NamedTuple, TypedDict, Protocol, TypeVar, overload, get_type_hints.
import typing
from typing import (Any, Callable, Dict, Generic, List, Optional, Tuple, TypeVar, Union, NamedTuple,
                    Iterable, Iterator, Set, FrozenSet, Type, cast, overload, Protocol, runtime_checkable,
                    get_type_hints, TypedDict, Literal, Final, NewType, Sequence, Mapping)

print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, int], Tuple[int, ...])
print(Callable[[int, str], bool], Callable[..., Any], Iterable[Tuple[str, int]], Type[int], Literal[1, "a"])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), Optional[str] == Union[str, None], FrozenSet[int])
T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
print(T, K.__bound__, N.__constraints__, repr(typing.AnyStr))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack[str], Stack.__parameters__, type(s).__name__)


class Employee(NamedTuple):
    name: str
    id: int = 3


e = Employee("ann")
print(e, e._fields, e._field_defaults if hasattr(e, "_field_defaults") else "", Employee.__annotations__, e._replace(id=9))


class Movie(TypedDict):
    title: str
    year: int


m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, Movie.__annotations__, Movie.__total__)
UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, cast(List[int], [1]), cast("str", 1))


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closer), isinstance(3, Closer))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f("ab"))


def g(a: int, b: "List[str]" = None, *args: Any, **kw: Dict[str, int]) -> Optional[int]:
    return a


print(get_type_hints(g))
print(g.__annotations__)
print(isinstance([], typing.List), issubclass(list, typing.Sequence), isinstance({}, Mapping), typing.TYPE_CHECKING)
MAX: Final = 10
print(MAX, Final[int], typing.ClassVar[int], typing.SupportsInt, typing.NoReturn)
try:
    List[int]()
except TypeError as e:
    print("TypeError", e)
try:
    Union[1]
except TypeError as e:
    print("TypeError", e)
