# Results and error messages that tools/audit/api_surface.py found differing
# from CPython 3.8: None named "None" by argument parsers, complex refusing
# int/float conversion by name, str format specs with '=' alignment, the
# str.format field parser, round() of a complex, sorted(reverse=...),
# str.maketrans's argument checks, bytes.startswith with a tuple, item
# deletion messages.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Argument parsers name None as "None", other values by type.
for f in [
    lambda: format(1, None),
    lambda: str(b"a", None),
    lambda: str(b"a", "ascii", None),
    lambda: str(b"a", 1),
    lambda: bytes.fromhex(None),
    lambda: bytearray.fromhex(None),
    lambda: int.from_bytes(b"a", None),
    lambda: (1).to_bytes(1, None),
    lambda: type(None, (), {}),
    lambda: type("a", None, {}),
    lambda: type("a", (), None),
    lambda: __import__(None),
    lambda: compile("1", "f", None),
    lambda: super(None),
    lambda: b"a".center(3, None),
    lambda: "a".replace(None, "b"),
]:
    show(f)

# str.maketrans checks y (typed str) before x.
show(lambda: str.maketrans(1, "a"))
show(lambda: str.maketrans("a", 1))
show(lambda: str.maketrans(None, None))
show(lambda: str.maketrans("a", "b", None))
show(lambda: str.maketrans("ab", "cd", "e"))

# complex's __int__ and __float__ refuse by name.
for f in [
    lambda: int(2j),
    lambda: float(2j),
    lambda: "a\tb".expandtabs(2j),
    lambda: "a\nb".splitlines(2j),
    lambda: b"a".expandtabs(2j),
    lambda: "%f" % 1j,
    lambda: "%e" % 1j,
    lambda: "%g" % 1j,
    lambda: "%d" % 1j,
    lambda: chr(2j),
    lambda: chr(2.5),
    lambda: "a".zfill(2j),
]:
    show(f)

# round() of a complex: no __round__, and no endless recursion.
show(lambda: round(2j))
show(lambda: round(1 + 2j, 1))
show(lambda: round(object()))


class MyComplex(complex):
    pass


show(lambda: round(MyComplex(1, 2)))


class MyFloat(float):
    pass


show(lambda: round(MyFloat(2.5)))
show(lambda: round(MyFloat(2.675), 2))

# A str format spec with '=' alignment (also from a bare '0' flag).
for spec in ["08", "010.3", "=", "x=5", "<08", ">08", "^08", "_", ",", "0", "00", "5"]:
    for value in ["abc", "", "é"]:
        show(lambda: format(value, spec))
show(lambda: "{:08}".format("ab"))
show(lambda: "{:<08}".format("ab"))

# The str.format field parser, as CPython's MarkupIterator reads it.
templates = [
    "{", "a{", "}", "a}b", "{}}", "{0}}", "{{}}", "{{{0}}}", "{0[}", "{a{", "{a{}}",
    "{0!}", "{0!r", "{!}", "{0!r:}", "{0!rr}", "{0!x}", "{0:{1}}", "{0[}]}",
    "{0[a]b}", "{0.}", "{0[]}", "{.a}", "{:{:{}}}", "{0:{}", "{0:{a}}", "{0.a[}",
    "{ 0}", "{0 }", "{-1}", "{+0}", "{0[-1]}", "{0[+1]}", "{0[1]}", "{0[ 1]}",
    "{[0]}", "{0[0]]}", "{0:}}", "{0:{{}}}", "{a.real}", "{a.real.imag}",
    "x{0}y{1}z", "{0!s:>5}", "{0!a}", "{1:{0}}", "{}{}", "{0}{}", "{}{0}",
    "{99999999999999999999999}", "{0[99999999999999999999999]}",
]
for t in templates:
    try:
        print(repr(t), repr(t.format([1, 2], 3, a=5)))
    except Exception as e:
        print(repr(t), type(e).__name__ + ":", e)
show(lambda: "{a}".format_map({"a": 1}))
show(lambda: "{a[x]}".format_map({"a": {"x": 2}}))
show(lambda: "{0}".format_map({}))

# sorted / list.sort: reverse is a C int.
show(lambda: sorted([2, 1, 3], reverse=True))
show(lambda: sorted([2, 1, 3], reverse=5))
show(lambda: sorted([2, 1], reverse=None))
show(lambda: sorted([2, 1], reverse=1.5))
show(lambda: sorted([2, 1], reverse=2 ** 40))
show(lambda: sorted([2, 1], reverse="x"))
show(lambda: [2, 1].sort(reverse=[]))

# bytes.startswith/endswith: a tuple's items go through the buffer check.
show(lambda: b"abc".startswith((1, 2)))
show(lambda: b"abc".endswith((b"c", 2)))
show(lambda: b"abc".endswith((b"x", 2)))
show(lambda: bytearray(b"abc").startswith((None,)))
show(lambda: b"abc".startswith(1))
show(lambda: b"abc".startswith((b"x", bytearray(b"a"))))


# Item deletion: sequences given an index word it differently.
def delete(obj, key):
    del obj[key]


for obj, key in [((1, 2), 0), ((1, 2), "a"), ("ab", 0), (b"ab", 0), (range(3), 0),
                 (None, 0), (1, 0), (frozenset(), 0), ((1,), True)]:
    show(lambda: delete(obj, key))
