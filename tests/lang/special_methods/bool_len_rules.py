# Truth testing: __bool__ first, then __len__; wrong return types;
# negative lengths; huge lengths; None/0/empty containers.
class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


print(bool(B(True)), bool(L(0)), bool(L(2)), bool(Both()), not Both())
for obj in (B(1), B("yes"), L(-1), L(2.0), L(2 ** 70)):
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len(L(-5))
except ValueError as e:
    print("ValueError", e)
print([bool(x) for x in (0, 0.0, 0j, "", b"", [], (), {}, set(), range(0), None, frozenset())])
print([bool(x) for x in (1, -0.1, " ", [0], (None,), {0: 0}, range(1))])
print(1 if L(1) else 0, 1 if L(0) else 0, [i for i in range(3) if L(i)])
x = L(0) or "fallback"
y = L(3) and "second"
print(x, y)
