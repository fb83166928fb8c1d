# __index__ everywhere an integer is needed: indexing, slicing, range,
# bin/hex/oct, repetition, and operator.index; bool and int subclasses.
import operator


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


seq = list(range(10))
print(seq[Idx(3)], seq[Idx(-1)], seq[Idx(2):Idx(5)], seq[::Idx(3)])
print("abcdef"[Idx(1)], (1, 2, 3)[Idx(0)], b"xyz"[Idx(2)])
print(list(range(Idx(4))), range(10)[Idx(2)], hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print([0] * Idx(3), "ab" * Idx(2), operator.index(Idx(7)))
seq[Idx(0)] = "first"
del seq[Idx(1)]
print(seq[:3])
for bad in (1.5, "3", None):
    try:
        seq[bad]
    except TypeError as e:
        print("TypeError", e)
try:
    operator.index(2.0)
except TypeError as e:
    print("TypeError", e)
print(seq[True], [10, 20][False])
try:
    "abc"[Idx(10)]
except IndexError as e:
    print("IndexError", e)


class NotIdx:
    def __int__(self):
        return 1


try:
    [1, 2][NotIdx()]
except TypeError as e:
    print("TypeError", e)
print(int(NotIdx()), round(2.5), round(3.5), round(-0.5))
