# Tuple hashes (xxHash over the elements' hashes) for numbers, bools,
# nested tuples, and elements whose __hash__ is Python code.
from collections import namedtuple

print(hash(()), hash((1,)), hash((-1,)), hash((1, 2)), hash((2, 1)), hash((True, 0, 1.5)))
print(hash((2 ** 70, -2 ** 63, 0.1, float("inf"))), hash(((), ((),))), hash((1, (2, (3, (4,))))))
deep = 0
for i in range(12):
    deep = (deep, i)
print(hash(deep))
P = namedtuple("P", "a b")
print(hash(P(1, 2)) == hash((1, 2)), hash(("a", b"b")) == hash(("a", b"b")))


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash of Key", self.n)
        return self.n


class Name(str):
    def __hash__(self):
        return 7


print(hash((Key(5), 3)) == hash((5, 3)), hash((Name("x"),)) == hash((7,)))
for bad in ((1, [2]), (1, (2, {3: 4})), ((), Key(-1), {1})):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
counts = {}
for i in range(300):
    k = (i % 7, (i % 3, float(i % 5)), i % 2 == 0)
    counts[k] = counts.get(k, 0) + 1
print(len(counts), sorted(counts.items())[:3])
