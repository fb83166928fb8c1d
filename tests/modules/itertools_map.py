# accumulate, compress, cycle, dropwhile, takewhile, filterfalse, starmap,
# zip_longest: results, argument errors and pickling/copy round trips.
import copy
import operator
import pickle
from itertools import (accumulate, compress, cycle, dropwhile, filterfalse,
                       islice, starmap, takewhile, zip_longest)


def attempt(*args, **kwargs):
    f, *args = args
    try:
        r = f(*args, **kwargs)
        print("ok", r if not hasattr(r, "__next__") else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


def roundtrip(it, take=2):
    """Advance `it`, pickle it at every protocol, and compare the rests."""
    head = list(islice(it, take))
    rests = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        rests.append(list(pickle.loads(pickle.dumps(it, proto))))
    rests.append(list(copy.deepcopy(it)))
    rest = list(it)
    print(type(it).__name__, head, rest, all(r == rest for r in rests))


print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([1, 2, 3], initial=10)))
print(list(accumulate([], initial=10)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate(iterable=[3, 1, 2], func=max)))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(data="ab", selectors=[0, 1])))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(filterfalse(bool, [0, 1, [], [1]])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, [[1, 2], "ab"])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()))
print(list(zip_longest([1], [], [2, 3])))

for f, a, k in [
    (accumulate, (), {}), (accumulate, ([], None, 3), {}), (accumulate, ([],), {"foo": 1}),
    (accumulate, ([],), {"iterable": []}), (accumulate, (1,), {}),
    (compress, ([],), {}), (compress, (1, []), {}), (compress, ([], 1), {}),
    (compress, ([], [], []), {}),
    (cycle, (), {}), (cycle, ([], []), {}), (cycle, (), {"iterable": []}), (cycle, (1,), {}),
    (dropwhile, (bool,), {}), (dropwhile, (bool, 1), {}), (takewhile, (), {"a": 1}),
    (filterfalse, (None,), {}), (starmap, (pow,), {}), (starmap, (), {"f": 1}),
    (zip_longest, (1,), {}), (zip_longest, ([],), {"foo": 1}),
    (zip_longest, ([],), {"fillvalue": 1, "x": 2}),
]:
    attempt(f, *a, **k)

attempt(lambda: list(accumulate([1, "a"])))
attempt(lambda: list(starmap(pow, [1])))
attempt(lambda: list(compress([1, 2], [1, 0])))


def bad():
    yield 1
    raise ValueError("inner")


attempt(lambda: list(zip_longest(bad(), range(5))))
attempt(lambda: list(dropwhile(lambda x: 1 / 0, [1])))
z = zip_longest(bad(), range(5))
attempt(lambda: list(z))
print(list(z))

roundtrip(accumulate(range(6)))
roundtrip(accumulate(range(6)), 0)
roundtrip(accumulate(range(6), operator.mul, initial=2), 0)
roundtrip(accumulate(range(6), initial=2), 3)
roundtrip(compress("abcdef", [1, 1, 0, 1, 0, 1]))
roundtrip(islice(cycle("abc"), 8), 4)
c = cycle("abc")
print(list(islice(c, 4)), c.__reduce__()[2], list(islice(pickle.loads(pickle.dumps(c)), 6)))
c = cycle("abc")
next(c)
print(list(islice(pickle.loads(pickle.dumps(c)), 6)))
def below3(x):
    return x < 3


def below5(x):
    return x < 5


roundtrip(dropwhile(below3, range(8)), 1)
roundtrip(takewhile(below5, range(8)), 1)
roundtrip(filterfalse(None, [0, 1, 0, 2, 3]), 1)
roundtrip(starmap(operator.add, [(1, 2), (3, 4), (5, 6)]), 1)
roundtrip(zip_longest("abcd", "xy", fillvalue=0), 3)
print(zip_longest("a", fillvalue=7).__reduce__()[2])
d = dropwhile(bool, [1, 0, 2])
d.__setstate__(True)
print(list(d))
t = takewhile(bool, [1, 2])
t.__setstate__(1)
print(list(t))
a = accumulate([1, 2, 3])
a.__setstate__(10)
print(list(a))
c = cycle([])
attempt(c.__setstate__, 1)
attempt(c.__setstate__, ([1],))
c.__setstate__(([7, 8], 1))
print(list(islice(c, 3)))


class MyCycle(cycle):
    def __init__(self, iterable, extra=None):
        self.extra = extra


m = MyCycle("xy", extra=5)
print(list(islice(m, 3)), m.extra, isinstance(m, cycle), type(m).__name__)
print(repr(type(cycle("a"))), cycle.__module__, accumulate.__name__)


# A Python subclass's keywords go to its __init__, not the native class.
for cls in (chain_cls := __import__("itertools").chain, __import__("itertools").islice,
            starmap, takewhile, dropwhile, cycle, compress, filterfalse):
    class Sub(cls):
        def __init__(self, newarg=None, *args):
            cls.__init__(self, *args)
    attempt(lambda: list(Sub(newarg=1)))
