"""Micro: a loop of float arithmetic in one function (locals only)."""


def run(n):
    x = 0.5
    acc = 0.0
    step = 1.0 / n
    for i in range(n):
        x = x * 1.0000001 + step
        acc += x * x - acc * 0.5
        if x > 2.0:
            x -= 1.5
    return acc, x


print(run(3000000))
