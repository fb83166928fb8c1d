"""Micro: a module-level loop storing globals (its loop variable and a
counter) while calling functions that read globals and builtins."""

SCALE = 3
OFFSET = 7


def weigh(x):
    return x * SCALE + OFFSET


def clip(x):
    return min(x, LIMIT) + len(NAMES)


LIMIT = 1000
NAMES = ("a", "b", "c")
total = 0
for i in range(1000000):
    total += weigh(i & 255)
    total = clip(total) if total > 100000 else total
    last = i
print(total, last)
