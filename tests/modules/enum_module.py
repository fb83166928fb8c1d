# enum: Enum, IntEnum, Flag, IntFlag, auto, unique, functional API, aliases and errors.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, len(Color), list(Color))
print(Color.RED.describe(), Color.default(), Color.__members__.keys(), [m.name for m in Color.__members__.values()])
print(Color.RED == 1, Color.RED in Color, isinstance(Color.RED, Color), hash(Color.RED) == hash(Color.RED), dir(Color.RED)[:3])


class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2


print(Shape.SQUARE == 2, Shape.CIRCLE + 10, sorted([Shape.SQUARE, Shape.CIRCLE]), int(Shape.SQUARE), "%d" % Shape.SQUARE,
      format(Shape.CIRCLE), str(Shape.CIRCLE), [1, 2, 3][Shape.CIRCLE])


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.R, ~Perm.R, Perm(7), Perm(0), int(rw), bool(Perm(0)))


class Opt(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B


print(list(Opt), Opt.AB, Opt.A | Opt.C, repr(Opt.A | Opt.C), Opt.AB & Opt.B, Opt(3), Opt.A.value, Opt.C.value)


class Auto(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    ONE = auto()
    TWO = auto()


print(list(Auto), Auto.TWO.value)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Enum("Pets", [("DOG", 10), ("EMU", 20)]).EMU, repr(Animal.CAT))
for bad in (lambda: Color(7), lambda: Color["PINK"], lambda: unique(Color), lambda: setattr(Color, "RED", 5),
            lambda: Enum("Bad", "A A"), lambda: Color.RED < Color.GREEN):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    class Sub(Color):
        PINK = 9
except TypeError as e:
    print("TypeError", e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, round(Planet.EARTH.gravity, 4), Planet.MERCURY.mass, {Color.RED: "r"}[Color.CRIMSON])
print(Color.RED.name, Color.RED._value_, type(Color.RED).__name__, Color.__name__, enum.EnumMeta.__name__)
