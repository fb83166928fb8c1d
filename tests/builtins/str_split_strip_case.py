# split/strip/lower/upper at their edges: ASCII and non-ASCII text, whitespace
# beyond space (\x1c-\x1f, \x85, U+3000), limits, str subclasses, and which
# results are the receiver itself.
tests = ["  a b  c ", "\x1c a\tb\x0bc  ", "a é b", " a b ", "   ", "", "a,b,,c", ",", "x", "\x85a\u3000b", "a\x1fb"]
for t in tests:
    print(t.split(), t.split(None, 1), t.split(None, 0), t.split(","), t.split(",", 1), t.rsplit(None, 1), t.split("b"))
    print(t.strip(), t.strip(" a"), t.lstrip(), t.rstrip(",c "))
class S(str):
    pass
for t in ["Hello, World!", "", "ÉcoLE", "abc", S("AbC"), "  x  ", S("  y "), "..a,b;!", "\x1c\x1fz\x0b"]:
    r = [t.lower(), t.upper(), t.strip(), t.strip(".,;!?"), t.lstrip(". "), t.rstrip("!;"), t.strip(""), t.strip("é"), t.strip(None)]
    print([(type(x).__name__, x) for x in r], t.lower() is t, t.strip() is t, t.strip("q") is t)
try:
    "a".strip(1)
except TypeError as e:
    print(e)
