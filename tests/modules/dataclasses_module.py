# dataclasses: fields, defaults, ordering, frozen, post_init, asdict/astuple, replace, inheritance.
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from typing import List, ClassVar


@dataclass
class Point:
    x: int
    y: int = 0

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p, repr(Point(1)), p == Point(3, 4), p != Point(4, 3), p.norm2(), Point.__init__.__doc__ is None)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    Version(1).major = 2
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)


@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False, compare=False)
    total: float = field(init=False)
    scale: InitVar[int] = 1
    kind: ClassVar[str] = "inv"

    def __post_init__(self, scale):
        self.total = len(self.items) * scale


inv = Inventory(["a", "b"], 5, 10)
print(inv, inv.total, Inventory(), Inventory.kind, [f.name for f in fields(inv)])
print(asdict(inv), astuple(Point(1, 2)), replace(p, y=10), dataclasses.is_dataclass(p), dataclasses.is_dataclass(3))


@dataclass
class Point3(Point):
    z: int = 0


q = Point3(1, 2, 3)
print(q, isinstance(q, Point), asdict(q), fields(Point3)[2].type, fields(Point3)[0].default is dataclasses.MISSING)


@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)


tree = Node("root", [Node("a"), Node("b", [Node("c")])])
print(asdict(tree))
print(astuple(tree))
C = dataclasses.make_dataclass("C", [("a", int), ("b", str, field(default="x"))], namespace={"double": lambda self: self.a * 2})
print(C(4), C(4).double(), C.__name__)
for bad in (lambda: Point(), lambda: Point(1, 2, 3), lambda: replace(inv, total=3), lambda: asdict(3)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError", e)


@dataclass(eq=False, repr=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), "Plain object" in repr(Plain(1)), Point.__dataclass_params__ is not None)
print(Point.__annotations__, dataclasses.MISSING is not None, Point.__match_args__ if hasattr(Point, "__match_args__") else "no match_args")
