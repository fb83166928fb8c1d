"""Micro: calls of small module-level functions with positional arguments."""


def add(a, b):
    return a + b


def scale(x, k):
    return add(x, x) * k


def pick(a, b, c):
    return a if a > b else c


def nothing():
    pass


def run(n):
    total = 0
    for i in range(n):
        nothing()
        total = add(total, scale(i & 15, 3))
        total = pick(total, 10, total - 1)
    return total


print(run(1000000))
