class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        print("plain add")
        return "new"

a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)

x = OnlyAdd(1)
y = x
x += 5
print(x is y, x.v, y.v)

class Ret:
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        return "mul fallback"

r = Ret()
r *= 3
print(r)

l = [1]
m = l
l += [2]
print(l is m, m)
t = (1,)
u = t
t += (2,)
print(t is u, u, t)
s = "a"
s *= 3
print(s)
n = 10
for op in range(1):
    n -= 3; n *= 2; n //= 3; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 2
print(n)
f = 1.5
f /= 2
print(f)
