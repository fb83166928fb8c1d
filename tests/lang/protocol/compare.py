class R:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v)
        return isinstance(o, R) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v)
        return self.v < o.v
    def __le__(self, o):
        return NotImplemented
    def __gt__(self, o):
        print("gt", self.v)
        return self.v > o.v

a, b = R(1), R(2)
print(a == b, a != b, a < b, a > b)
print(a <= b if False else "skip")
try:
    a <= b
except TypeError as e:
    print(e)
print(a == 1, 1 == a)

class Plain:
    pass
p = Plain()
print(p == p, p != p, p == Plain())
try:
    p < p
except TypeError as e:
    print(e)

class Sub(R):
    def __eq__(self, o):
        print("Sub eq")
        return "sub-result"
print(R(1) == Sub(1))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print([1, 2] < [1, 3], (1, 2) == (1, 2), "a" < "b")
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    [1] < (1,)
except TypeError as e:
    print(e)
print(sorted([R(3), R(1), R(2)], key=lambda r: r.v)[0].v)
