# getattr with a default and hasattr take each path an attribute can come
# from or miss on: instances, classes, metaclasses, modules (with and
# without a module __getattr__), __slots__, properties raising
# AttributeError or something else, __getattr__ and __getattribute__.
import types


class Plain:
    cls_attr = 1

    def __init__(self):
        self.inst = 2

    @property
    def ok(self):
        return "prop"

    @property
    def missing_inside(self):
        raise AttributeError("inner")

    @property
    def broken(self):
        raise ValueError("boom")


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class WithGetattr:
    def __getattr__(self, name):
        if name.startswith("dyn"):
            return name.upper()
        raise AttributeError(name)


class WithGetattribute:
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError(name)
        return "ga:" + name


class Both(WithGetattribute):
    def __getattr__(self, name):
        return "fallback:" + name


class Meta(type):
    def __getattr__(cls, name):
        return "meta:" + name


class UsesMeta(metaclass=Meta):
    pass


mod = types.ModuleType("m")
mod.x = 5
hooked = types.ModuleType("h")
hooked.__getattr__ = lambda name: "mod:" + name

objects = [
    ("Plain()", Plain()),
    ("Plain", Plain),
    ("Slotted()", Slotted()),
    ("WithGetattr()", WithGetattr()),
    ("WithGetattribute()", WithGetattribute()),
    ("Both()", Both()),
    ("UsesMeta", UsesMeta),
    ("module", mod),
    ("hooked module", hooked),
    ("int", 3),
    ("str", "s"),
    ("None", None),
    ("type", type),
]
names = ["cls_attr", "inst", "ok", "missing_inside", "a", "b", "dynamic", "hidden", "x",
         "nope", "__class__", "__dict__", "real", "upper", "__name__", "mro"]
for label, obj in objects:
    row = []
    for name in names:
        try:
            got = getattr(obj, name, "<default>")
            got = got if isinstance(got, (int, str)) or got is None else type(got).__name__
        except Exception as e:
            got = "%s(%s)" % (type(e).__name__, e)
        try:
            has = hasattr(obj, name)
        except Exception as e:
            has = type(e).__name__
        row.append("%s=%r/%s" % (name, got, has))
    print(label + ": " + ", ".join(row))

for f in (lambda: getattr(Plain(), "broken", 1), lambda: hasattr(Plain(), "broken"),
          lambda: getattr(Plain(), "nope"), lambda: getattr(Slotted(), "b"),
          lambda: getattr(1, 2, 3), lambda: hasattr(1, 2), lambda: getattr(Plain, "nope")):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
