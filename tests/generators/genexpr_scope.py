x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print(list((i, j) for i in range(3) for j in range(i) if (i + j) % 2))
it = iter(range(5))
print(list(zip(it, it)))
def make():
    return (lambda: i for i in range(3))
print([f() for f in make()])
print(next(iter(())) if False else "skip")
total = 0
for v in (n * n for n in range(1000)):
    total += v
print(total)
