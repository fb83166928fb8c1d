# Calls traced into: exits inside inlined frames, exceptions raised in them,
# tracebacks through them, recursion.
def add(a, b):
    return a + b

def scale(x):
    return add(x, x) * 2

def total(n):
    t = 0
    for i in range(n):
        t = add(t, scale(i))
    return t

print(total(100))
print(total(3))

def mixed(values):
    out = 0
    for v in values:
        out = add(out, v)   # int, then float, then big int, then str fails
    return out

print(mixed([1, 2, 3] * 30 + [0.5] * 10))
print(mixed([1, 2, 3] * 30 + [2 ** 70, 5]))

def inner_fail(x):
    return 10 // x

def outer_fail(x):
    return inner_fail(x) + 1

def catch(values):
    got = []
    for v in values:
        try:
            got.append(outer_fail(v))
        except ZeroDivisionError as e:
            got.append(str(e))
    return got

print(catch([5, 2, 1] * 20 + [0, 3]))

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print([fact(i) for i in range(25)])

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, k):
        self.n += k
        return self.n

c = Counter()
for i in range(200):
    c.bump(i % 7)
print(c.n)

def last(values):
    for v in values:
        r = outer_fail(v)
    return r

last([1, 2] * 30 + [0])
