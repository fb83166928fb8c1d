# __length_hint__, __reduce__ and __setstate__ of the built-in iterators;
# copy and pickle of iterators go through them.
import copy
import operator
import pickle


def show(it):
    r = it.__reduce__()
    print(type(it).__name__, operator.length_hint(it), r[0].__name__,
          [type(a).__name__ for a in r[1]], r[2:])


samples = [[1, 2, 3], (1, 2), range(5), range(10, 0, -3), "abc", b"ab",
           {1: 2, 3: 4}, {1, 2}]
for s in samples:
    it = iter(s)
    show(it)
    next(it)
    show(it)
    print(list(pickle.loads(pickle.dumps(it))), list(copy.copy(it)), list(it))
    show(it)

for view in ({1: "a", 2: "b"}.keys(), {1: "a", 2: "b"}.values(), {1: "a", 2: "b"}.items()):
    it = iter(view)
    next(it)
    print(it.__reduce__()[1], it.__length_hint__(), list(pickle.loads(pickle.dumps(it))))

r = reversed([1, 2, 3])
print(r.__length_hint__(), r.__reduce__()[0].__name__, r.__reduce__()[2])
next(r)
print(r.__length_hint__(), list(copy.copy(r)), list(r), r.__length_hint__(), r.__reduce__())


class Seq:
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return i * 10


r = reversed(Seq())
print(r.__length_hint__(), r.__reduce__()[2], list(r), r.__length_hint__())

for it in (iter([1, 2, 3, 4]), iter((1, 2, 3, 4)), iter("abcd"), iter(b"abcd"), iter(range(4))):
    it.__setstate__(2)
    print(list(it), end=" ")
    it.__setstate__(0)
print()
it = iter([1, 2, 3])
it.__setstate__(-5)
print(list(it))
it = iter([1, 2, 3])
it.__setstate__(10)
print(list(it), it.__length_hint__())
it = reversed([1, 2, 3])
it.__setstate__(1)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(7)
print(list(it))
try:
    iter([1]).__setstate__("x")
except TypeError as e:
    print("TypeError", e)

e = enumerate("abc", 5)
next(e)
cls, args = e.__reduce__()
print(cls.__name__, type(args[0]).__name__, args[1], list(pickle.loads(pickle.dumps(e))))
z = zip("ab", [1, 2])
print(z.__reduce__()[0].__name__, len(z.__reduce__()[1]), list(copy.copy(z)))
m = map(str.upper, ["x", "y"])
print(m.__reduce__()[0].__name__, m.__reduce__()[1][0] is str.upper, list(pickle.loads(pickle.dumps(m))))
f = filter(None, [0, 1, 2])
print(f.__reduce__()[0].__name__, list(copy.copy(f)))

# Exhausted enumerate, zip and map ask their iterators again, as CPython's.
class Again:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n % 2:
            raise StopIteration
        return self.n


e = enumerate(Again())
print(list(e), list(e), list(e))
