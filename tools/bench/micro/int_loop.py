"""Micro: a loop of small-int arithmetic in one function (locals only)."""


def run(n):
    total = 0
    x = 7
    for i in range(n):
        x = (x * 31 + i) % 1000003
        total += x - (i >> 2)
        if x & 1:
            total -= 3
    return total


print(run(2000000))
