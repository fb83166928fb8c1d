# _string's parsers, which string.Formatter is built on.
import _string

for s in ["plain", "a{0}b", "{}{}", "{x.y[1]!r:>{w}}", "{{}}", "x{{y}}z", "{0!s}", "{a:{b}{c}}", "", "{}x", "}}", "{!r}", "{:}", "{0[a.b]}"]:
    print(repr(s), list(_string.formatter_parser(s)))
for bad in ["{", "}", "a{b", "{0!}", "{0!rx}", "{a{b}", "x}y", "{0:{}", "{!"]:
    try:
        print(repr(bad), list(_string.formatter_parser(bad)))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for name in ["0", "name", "a.b.c", "x[0][k]", "", "12abc", "a[1].b", "0.real"]:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))
for bad in ["a.", "a[", "a[]", "a[0]x", "a..b"]:
    try:
        first, rest = _string.formatter_field_name_split(bad)
        print(repr(bad), repr(first), list(rest))
    except ValueError as e:
        print(repr(bad), "ValueError", e)


def vformat(fmt, args, kwargs):
    out = []
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == "r":
            obj = repr(obj)
        elif conv == "s":
            obj = str(obj)
        out.append(format(obj, spec))
    return "".join(out)


print(vformat("{0} {x[1]!r:>6} {1.imag}", ("a", 2j), {"x": [0, "q"]}))
