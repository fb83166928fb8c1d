# Sorting uses __lt__ only; functools.total_ordering fills in the rest;
# min/max/sorted with keys and mixed types.
import functools


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.2") >= Version("1.1"), Version("1.2") <= Version("1.1"))


class OnlyLt:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        OnlyLt.calls += 1
        return self.v < other.v


out = sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)])
print([o.v for o in out], OnlyLt.calls > 0)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sorted(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], reverse=True))
try:
    OnlyLt(1) > OnlyLt(2)
    print("reflected __lt__ used")
except TypeError as e:
    print("TypeError:", e)
