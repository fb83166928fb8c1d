# An empty instance of a container subclass is false.
from collections import Counter, OrderedDict, defaultdict


class D(dict):
    pass


class L(list):
    pass


class S(set):
    pass


class T(tuple):
    pass


class B(bytes):
    pass


d = D(a=1)
print(bool(d), not d)
d.clear()
print(bool(d), not d, bool(D()), bool(L()), bool(L([0])), bool(S()), bool(T()), bool(B()), bool(B(b"x")))
c = Counter("aab")
c.clear()
print(bool(c), repr(c), repr(Counter()), bool(OrderedDict()), bool(defaultdict(int)))
print(list(Counter(iterable=None).items()), Counter(a=1) + Counter(a=2))
