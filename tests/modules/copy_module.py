# copy: shallow and deep copies of builtins and instances, memo, __copy__/__deepcopy__, shared refs.
import copy
import collections

a = [1, [2, 3], {"k": (4, [5])}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
a[2]["k"][1].append(6)
print(a, b, c, b[1] is a[1], c[1] is a[1])
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
print(copy.copy({1, 2}), copy.deepcopy(frozenset({3})), copy.copy(b"x"), copy.deepcopy(bytearray(b"y")))
dd = collections.defaultdict(list, {"a": [1]})
ddc = copy.deepcopy(dd)
ddc["a"].append(2)
ddc["b"].append(3)
print(dd, ddc)
od = collections.OrderedDict([("z", 1), ("a", [2])])
print(copy.deepcopy(od), copy.copy(collections.Counter("aab")), copy.deepcopy(collections.deque([1, [2]], maxlen=3)))


class Custom:
    def __init__(self, v):
        self.v = v
        self.log = []

    def __copy__(self):
        print("__copy__ called")
        n = Custom(self.v)
        n.log = self.log
        return n

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        n = Custom(copy.deepcopy(self.v, memo))
        return n


x = Custom([1, 2])
y = copy.copy(x)
z = copy.deepcopy(x)
print(y.log is x.log, z.v == x.v, z.v is x.v)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


s = copy.deepcopy(Slotted())
print(s.a, s.b)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n + 1,))


print(copy.copy(Reduced(1)).n, copy.deepcopy(Reduced(10)).n)
print(copy.deepcopy(len) is len, copy.copy(Custom) is Custom, copy.deepcopy(3.5), copy.deepcopy(None))
try:
    copy.deepcopy((x for x in []))
except TypeError as e:
    print("TypeError", e)
memo = {}
l1 = [1]
copy.deepcopy([l1, l1], memo)
print(len(memo) >= 2, copy.Error is copy.error)
