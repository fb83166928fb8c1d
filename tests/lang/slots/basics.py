# __slots__: no instance dict, attribute errors, defaults, inheritance
# (a subclass without __slots__ gets a dict), and conflicts.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = Point(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "__dict__"))
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)


class Sub(Point):
    pass


s = Sub(5)
s.z = 6
print(s.x, s.z, s.__dict__["z"])


class SubSlots(Point):
    __slots__ = ("w",)


t = SubSlots(1)
t.w = 2
print(t.x, t.w, hasattr(t, "__dict__"))
try:
    t.q = 1
except AttributeError as e:
    print("AttributeError", e)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__["b"])


class Single:
    __slots__ = "only"


o = Single()
o.only = "one"
print(o.only, Single.__slots__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError", e)
