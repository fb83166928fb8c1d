# __reduce__/__setstate__/__length_hint__ of the iterators CPython 3.8
# pickles besides list/tuple/str/range: bytearray_iterator, the
# __getitem__ protocol's `iterator`, longrange_iterator, callable_iterator.
import copy
import pickle


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10

    def __len__(self):
        return 4

    def __eq__(self, other):
        return isinstance(other, Seq)

    def __repr__(self):
        return "Seq()"


class Unsized:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i

    def __repr__(self):
        return "Unsized()"


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n

    def __repr__(self):
        return "Counter(%d)" % self.n


BIG = 2 ** 70
cases = [
    ("bytearray", lambda: iter(bytearray(b"abcd"))),
    ("seq", lambda: iter(Seq())),
    ("unsized", lambda: iter(Unsized())),
    ("longrange", lambda: iter(range(BIG, BIG + 4))),
    ("longrange step", lambda: iter(range(0, BIG, BIG // 4))),
]
for name, make in cases:
    it = make()
    print(name, type(it).__name__, it.__length_hint__())
    next(it)
    print("  reduce", it.__reduce__())
    print("  hint", it.__length_hint__())
    print("  pickled", list(pickle.loads(pickle.dumps(it))))
    print("  copied", list(copy.copy(it)))
    it.__setstate__(2)
    print("  setstate 2", list(it))
    print("  exhausted", it.__reduce__(), it.__length_hint__())
    it = make()
    it.__setstate__(-3)
    print("  setstate -3", next(it))
    it = make()
    it.__setstate__(100)
    print("  setstate 100", list(it))

it = iter(Counter(), 3)
print(type(it).__name__, it.__reduce__())
next(it)
print(it.__reduce__())
print(list(pickle.loads(pickle.dumps(it))) if False else list(it), it.__reduce__())
print(hasattr(it, "__setstate__"), hasattr(it, "__length_hint__"))

for bad in ["x", 1.5, None]:
    try:
        iter(bytearray(b"ab")).__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
