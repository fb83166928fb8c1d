class I:
    def __init__(self):
        self.log = []
    def __repr__(self):
        return "I" + str(self.log)

names = ["iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "iand", "ixor", "ior"]
def make(name):
    def method(self, other):
        self.log.append((name, other))
        return self
    return method
for n in names:
    setattr(I, f"__{n}__", make(n))

x = I()
x += 1; x -= 2; x *= 3; x @= 4; x /= 5; x //= 6; x %= 7; x **= 8; x <<= 9; x >>= 10; x &= 11; x ^= 12; x |= 13
print(x)

class Fallback:
    def __init__(self, v):
        self.v = v
    def __sub__(self, o):
        return Fallback(self.v - o)
    def __rsub__(self, o):
        return Fallback(o - self.v)
f = Fallback(10)
g = f
f -= 3
print(f.v, g.v, f is g)
n = 5
n -= Fallback(1)
print(n.v)
try:
    y = Fallback(1)
    y *= 2
except TypeError as e:
    print(e)
try:
    z = object()
    z += 1
except TypeError as e:
    print(e)
