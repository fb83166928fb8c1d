# Instructions traces run through the interpreter's own code: displays,
# f-strings, starred calls, `del`, `with`, cells, unary operators. Each loop
# runs long enough to be traced, and some change what they see midway so
# that the trace's guards exit.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "boom":
            raise ValueError("no format " + spec)
        return "$%d.%02d" % divmod(self.cents, 100)

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __neg__(self):
        return Money(-self.cents)

    def __pos__(self):
        return self

    def __invert__(self):
        return "inverted %d" % self.cents


def fstrings(n):
    out = []
    for i in range(n):
        m = Money(i * 37)
        out.append(f"{i:>4}|{i * 0.5:.2f}|{m}|{m!r}|{'x' * (i % 3)!s:<3}|{i:#x}")
    print(out[0], out[-1], len(out))
    specs = [">8"] * 60 + ["boom"]
    try:
        for i, spec in enumerate(specs):
            s = f"{Money(i):{spec}}"
    except ValueError as e:
        print("format error at", i, e, repr(s))


def displays(n):
    total = 0
    last = None
    for i in range(n):
        d = {"a": i, "b": i * 2, i: "int key"}
        s = {i, i + 1, i % 5}
        merged = {**d, "c": 3}
        items = [*s, *range(3)]
        t = (*items, i)
        st = {*items}
        total += len(d) + len(s) + len(merged) + len(items) + len(t) + len(st)
        last = (sorted(d.items(), key=repr), sorted(s), t[-1])
    print(total, last)
    keys = [1, 2.0, "three"] * 20 + [[]]
    try:
        for k in keys:
            d = {k: 1}
    except TypeError as e:
        print("unhashable:", e)


def callee(a, b=0, *rest, c=1, **kw):
    return a + b + len(rest) + c + len(kw)


def starred_calls(n):
    total = 0
    for i in range(n):
        args = (i, 1, 2, 3)
        kw = {"c": i, "z": 0}
        total += callee(*args, **kw)
        total += callee(*[i], c=2)
        total += callee(i, *args[1:], **{"q": 1})
    print(total)
    bad = [(1,)] * 50 + [5]
    try:
        for a in bad:
            callee(*a)
    except TypeError as e:
        print("starred error:", e)
    bad = [{"c": 1}] * 50 + [{"a": 2}]
    try:
        for kw in bad:
            callee(1, **kw)
    except TypeError as e:
        print("kwargs error:", e)


class Box:
    pass


def deletions(n):
    d = {}
    b = Box()
    count = 0
    for i in range(n):
        d[i] = i
        d[i + 1] = i
        del d[i]
        b.x = i
        del b.x
        v = i
        del v
        count += len(d) + hasattr(b, "x")
    print(count, sorted(d))
    try:
        for i in range(100):
            d[i] = i
            del d[i]
            if i == 80:
                del d[i]
    except KeyError as e:
        print("KeyError", e)
    try:
        for i in range(100):
            b.y = i
            if i != 70:
                del b.y
            else:
                del b.y
                del b.y
    except AttributeError as e:
        print("AttributeError", e)
    try:
        for i in range(100):
            w = i
            if i == 90:
                del w
            del w
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


class Managed:
    def __init__(self):
        self.log = []
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        if self.depth == 77:
            raise RuntimeError("enter 77")
        return self.depth

    def __exit__(self, kind, value, tb):
        self.log.append(kind.__name__ if kind else None)
        return kind is KeyError


def with_blocks(n):
    m = Managed()
    total = 0
    for i in range(n):
        with m as depth:
            total += depth
            if i % 25 == 24:
                raise KeyError(i)
    print(total, m.log.count(None), m.log.count("KeyError"))
    try:
        for i in range(n):
            with m as depth:
                total += depth
    except RuntimeError as e:
        print("enter error:", e, m.depth)


def closures(n):
    # A function with a cell: its entry runs MakeCell.
    def make(k):
        base = k * 2

        def get():
            return base + k

        return get

    total = 0
    for i in range(n):
        total += make(i)()
    print(total)


def unary(n):
    total = 0
    for i in range(-n, n):
        total += ~i + (+i) - (-i)
    print(total)
    big = 2 ** 46
    out = []
    for i in range(100):
        x = big * 4 - 50 + i
        out.append(~x)
        out.append(~-x)
    print(out[:2], out[-2:])
    ms = []
    for i in range(60):
        m = Money(i)
        ms.append((-m, +m, ~m))
    print(ms[0], ms[-1])
    try:
        for v in [1] * 60 + [None]:
            ~v
    except TypeError as e:
        print("unary error:", e)
    floats = [0.5 * i for i in range(60)] + [1]
    print(sum(+f for f in floats), sum(-f for f in floats))


def starred_targets(n):
    total = 0
    rows = [(i, i + 1, i + 2, i + 3) for i in range(n)]
    for row in rows:
        first, *middle, last = row
        *init, tail = middle
        head, *rest = "abc"
        total += first + sum(middle) + last + len(init) + tail + len(rest)
    print(total, first, middle, last, init, tail, head, rest)
    try:
        for row in rows[:60] + [(1,)]:
            a, b, *c = row
    except ValueError as e:
        print("ValueError:", e, a, b, c)
    try:
        for row in rows[:60] + [5]:
            a, *c = row
    except TypeError as e:
        print("TypeError:", e)
    gens = [iter(range(k)) for k in range(2, 70)]
    for g in gens:
        x, *y = g
    print(x, len(y))


fstrings(200)
displays(200)
starred_calls(200)
deletions(200)
with_blocks(60)
closures(200)
unary(200)
starred_targets(200)
