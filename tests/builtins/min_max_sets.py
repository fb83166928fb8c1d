# min/max over ints and floats (compared without the protocol) keep the
# first of equal items and NaN's order effects; set algebra between sets,
# frozensets and dict views keeps CPython's result types and errors.
nan = float("nan")
print(min([3, 1, 2]), max([3, 1, 2]), min(5, 5), max(-1, -1.0), min(-1.0, -1))
print(max([1.5, nan, 2.5]), min([nan, 1.0]), max([2, 2.0]), min([True, 0]), min([2 ** 70, 3]))
print(max([1, 2.5, 2]), min([0.5, 0, -0.0]), max([-0.0, 0.0]), min([0.0, -0.0]))
print(min(frozenset(range(40, 90, 3))), max({7, -3, 12}), min("hello"), max([(1, 2), (1, 3)]))
print(max(range(10), key=lambda x: -x), min([], default="empty"), max([4, 9, 1], key=None))
big = 10 ** 20
print(min([big, big + 1, -big]), max([big, 3.5e20]))


class Loud(int):
    def __lt__(self, other):
        print("lt", int(self), int(other))
        return int(self) < int(other)


print(min([Loud(3), Loud(1), Loud(2)]))
for bad in ([1, "a"], [None, None]):
    try:
        min(bad)
    except TypeError as e:
        print("TypeError", e)

a = frozenset(range(50))
b = frozenset([3, 7, 9, 20, 33])
print(sorted(a - b)[:6], type(a - b).__name__, len(a - b), b <= a, a <= b)
print(sorted(b & {3, 9, 100}), type(b & {3, 9, 100}).__name__, type({3} & b).__name__)
print(sorted({1, 2} | {2: 0, 5: 0}.keys()), sorted({2: 0, 5: 0}.keys() - {5}), sorted({1, 2} ^ {2, 3}))
print(sorted({1, 2}.union([4], (5,))), {1.0, 2} - {1}, {1} | {1.0})
for op in (lambda: {1} - [1], lambda: [1] | {1}, lambda: {1} & 3):
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
free = frozenset(range(20))
total = 0
for i in range(200):
    fp = frozenset([i % 20, (i * 7) % 20])
    if fp <= free:
        total += len(free - fp) + min(free - fp) + len((free - fp) & {1, 2, 3})
print(total)
