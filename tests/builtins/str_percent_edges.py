# printf-style `%` on str at its edges: flags, widths, `*`, mapping keys,
# subclasses with their own __str__/__repr__/__index__, and the errors.


class S(str):
    def __str__(self):
        return "S!"


class I(int):
    def __str__(self):
        return "I!"

    def __repr__(self):
        return "I?"


class F(float):
    def __str__(self):
        return "F!"


class T(tuple):
    pass


class M:
    def __getitem__(self, key):
        return "m[" + key + "]"


def show(fmt, args):
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)


cases = [
    ("%s|%r|%a", ("x", "y", "é")),
    ("%5s|%-5s|%.2s|%5.1s", ("ab", "cd", "xyz", "uvw")),
    ("%s %s", (S("a"), I(3))),
    ("%r %d %i %u", (I(3), I(4), I(5), I(6))),
    ("%d %x %X %o %#x %#o %#X", (255, 255, 255, 255, 255, 255, 255)),
    ("%04d|%-4d|%+d|% d|%+04d|%.3d|%6.3d", (7, 7, 7, 7, -7, 7, -7)),
    ("%d %i", (3.9, -2.5)),
    ("%d", (True,)),
    ("%s %r", (True, None)),
    ("%f %.2f %10.3f %-10.1f| %e %g %G %E", (1.5, 2.345, -3.14159, 2.0, 12345.678, 0.0001, 1e20, 1e-5)),
    ("%.2f %d", (F(1.25), 10 ** 20)),
    ("%x %o", (-(10 ** 20), 2 ** 70)),
    ("%c%c%c", ("a", 98, "é")),
    ("%*d|%-*d|%.*f|%*.*f", (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5)),
    ("%*d", (-5, 1)),
    ("%%|%s%%", ("x",)),
    ("%(a)s %(b)d %(a)r", {"a": "A", "b": 2}),
    ("%(a)s %%", {"a": 1}),
    ("%(x(y))s", {"x(y)": 3}),
    ("%(k)s", M()),
    ("%s", T((1, 2))),
    ("%s", [1, 2]),
    ("%s %s", [1, 2]),
    ("%s", ()),
    ("%s", ((1, 2),)),
    ("%s", "plain"),
    ("no conversions", ()),
    ("no conversions", 5),
    ("no conversions", {"a": 1}),
    ("%s %s", ("one",)),
    ("%s", ("one", "two")),
    ("%d", ("x",)),
    ("%x", (1.5,)),
    ("%f", ("x",)),
    ("%c", ("ab",)),
    ("%c", (-1,)),
    ("%y", (1,)),
    ("y %y", (1,)),
    ("ü %y", (1,)),
    ("%5-d", (1,)),
    ("%", ()),
    ("%(a", {"a": 1}),
    ("%(a)s", (1,)),
    ("%*d", ("x", 1)),
    ("%ld %hd %Ld", (1, 2, 3)),
    ("ünï %s ∂ %d", ("çé", 42)),
    ("%s", "\ud800"),
    ("%5s|", ("\udc80",)),
    ("%.1s|", ("\ud800x",)),
    ("%c", (0xD800,)),
    ("%-05d|%0-5d|", (3, 3)),
    ("%#5x|%#05x|%#-5o|", (10, 10, 10)),
    ("% 5.1f|%+.0f|%#.0f", (1.25, 2.5, 3.0)),
    ("%s", (b"by",)),
    ("%10r|", ("q",)),
    ("%.0s|%.0r|", ("abc", "abc")),
]
for fmt, args in cases:
    show(fmt, args)
show("%lld", (1,))
show("%l", (1,))
show("%.*f", (-2, 1.5))
show("%5%|", ())
show("%(a)%|", {"a": 1})
show("%(b)%|", {"a": 1})
show("%*%|", (3,))
show("%99999999999999999999d", (1,))
show("%.99999999999999999999d", (1,))
show("%*d", (2**40, 1))
show("%*d", (True, 1))
show("%*d", (1.0, 1))
show("%.*d", (-3, 12))
show("%(a)*d", {"a": 1})
show("%s %(a)s", {"a": 1})
show("%(a)s %s", {"a": 1})
show("%s", {"a": 1})
show("%(a)s", [1])
show("%d", "x")
show("%s%", (1,))
show("%-+ #05.2f|", (1.5,))
show("%0 d|", (5,))
show("%c", (0x110000,))
show("%c", (2**70,))
show("%.3c|%5c|", ("a", "b"))
show("%i", (1e300,))
show("%d", (float("nan"),))
