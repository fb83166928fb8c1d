# groupby/_grouper and tee/_tee/_tee_dataobject: results, stale groupers,
# the shared buffer, tee of a tee, copies, errors and pickling.
import copy
import pickle
from itertools import groupby, tee, islice
import itertools


def attempt(*args, **kwargs):
    f, *args = args
    try:
        r = f(*args, **kwargs)
        print("ok", r if not hasattr(r, "__next__") else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby(range(10), key=lambda x: x // 3)])
print(list(groupby([])), [(k, list(g)) for k, g in groupby(iterable=[1, 1, 2], key=None)])
# A grouper is dead once its groupby has moved on.
g = groupby("aabbc")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, next(g2), list(g2))
# Advancing the grouper partly, then the groupby.
g = groupby("aaabbb")
k, grp = next(g)
print(next(grp), next(g)[0])
print(list(grp))
for a, k in [((), {}), ((1, 2, 3), {}), (([],), {"foo": 1}), (([],), {"iterable": 1}), ((1,), {})]:
    attempt(groupby, *a, **k)
attempt(itertools._grouper, 1, 2)


class Bad:
    def __eq__(self, other):
        raise ValueError("no eq")


attempt(lambda: list(groupby([1, 2], key=lambda x: Bad())))
attempt(lambda: list(groupby([1], key=lambda x: 1 / 0)))

# groupby pickling.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    g = groupby("aabbbcd")
    first = next(g)
    h = pickle.loads(pickle.dumps(g, proto))
    print(proto, [(k, list(v)) for k, v in h], [(k, list(v)) for k, v in g])
g = groupby("aabb")
k, grp = next(g)
print(grp.__reduce__()[0].__name__, g.__reduce__()[2])
grp2 = pickle.loads(pickle.dumps(grp))
print(list(grp2))
next(g)
print(grp.__reduce__()[0].__name__, grp.__reduce__()[1])
print(copy.deepcopy(groupby("xxy")).__reduce__()[1][1])

# tee.
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee("abcdef", 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1, 2], 0), len(tee([1], 1)))
a, b = tee(iter(range(200)))
print(sum(a), sum(b))
a, b = tee(range(10))
next(a)
c, d = tee(a)
print(type(c).__name__, c is a, list(c), list(d), list(a), list(b))
a, b = tee(range(4))
e = copy.copy(a)
next(a)
print(list(e), list(a), list(b))
for args, kw in [((), {}), (([], 1, 2), {}), (([], "a"), {}), (([],), {"n": 2}), (([], -1), {}), ((1,), {})]:
    attempt(tee, *args, **kw)
attempt(itertools._tee)
attempt(itertools._tee, 1)
attempt(itertools._tee_dataobject, iter([]), [1] * 58, None)
attempt(itertools._tee_dataobject, iter([]), [1], 5)
print(list(itertools._tee([7, 8])))


def reenter():
    yield next(t)


t = itertools._tee(reenter())
attempt(next, t)

# Iterators with __copy__ are copied, not wrapped.
class Copyable:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def __copy__(self):
        return Copyable(self.n)


x, y = tee(Copyable(3))
print(type(x).__name__, list(x), list(y))

# tee pickling, over a link boundary as well.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    a, b = tee(range(130))
    for _ in range(60):
        next(a)
    next(b)
    a2, b2 = pickle.loads(pickle.dumps((a, b), proto))
    print(proto, next(a2), next(b2), sum(a2), sum(b2), next(a), next(b))
a, b = tee([1, 2, 3])
next(a)
r = a.__reduce__()
print(r[0].__name__, r[1], r[2][1], type(r[2][0]).__name__, r[2][0].__reduce__()[1][1:])
attempt(a.__setstate__, 1)
attempt(a.__setstate__, (1, 2))
attempt(a.__setstate__, (r[2][0], 99))
a.__setstate__((r[2][0], 0))
print(list(a))
print(list(copy.deepcopy(b)), list(b))
print(repr(type(a)), itertools._tee.__module__, tee.__module__)
