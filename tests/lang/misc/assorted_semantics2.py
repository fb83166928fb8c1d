class A:
    def __init__(self):
        self.x = 1
    def __getattr__(self, n):
        if n == "y":
            return self.x + 1
        raise AttributeError(f"{type(self).__name__!r} has no {n!r}")
a = A()
print(a.y, getattr(a, "z", "dz"))
try:
    a.z
except AttributeError as e:
    print(e)
class B:
    __slots__ = ()
try:
    B().q = 1
except AttributeError as e:
    print(e)
def kw(**k): return sorted(k)
print(kw(**dict(a=1), **{"b": 2}))
import sys
def f():
    return sys._getframe().f_code.co_name if hasattr(sys, "_getframe") else "f"
print(f())
print(list(map(lambda *a: a, [1, 2], [3, 4])))
print({**{1: 2}, **{1: 3}}, {1: 2, 1: 3}, {1, 1.0, True})
print([1, 2, 3][-1:-3:-1], "abc"[-10:10], (1, 2)[::-1])
t = 1, 2, 3
print(t, type(t), (1), (1,), ())
print("%s" % None, "%d" % True, "%.1f" % 2, "%x" % 255)
i = 10
while i:
    i -= 3
    if i < 0:
        break
print(i)
s = 0
for i in range(10):
    if i % 3 == 0:
        continue
    s += i
print(s)
print(all([]), any([]), max("abc"), min([3, 1, 2]), sum([], 10))
print(list(enumerate("ab", 1)), list(zip("ab", range(5))), list(reversed([1, 2, 3])))
print(sorted({3: 1, 1: 2}), sorted("bca", reverse=True), sorted([(1, "b"), (1, "a")]))
print(isinstance(1, (str, (int, float))), issubclass(bool, (str, int)))
print(divmod(7, -2), round(7.5), round(6.5), abs(-0.0))
print(chr(0x1F600) == "\U0001F600", len("\U0001F600"), "é".upper(), "ß".upper() if False else "")
