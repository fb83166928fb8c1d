"""Micro: reads and writes of instance attributes in a loop."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.hits = 0


def run(n):
    p = Point(1, 2)
    q = Point(3, 4)
    total = 0
    for i in range(n):
        p.x = q.y + (i & 15)
        q.y = p.x - q.x
        p.hits += 1
        total += p.x + q.y + p.y
    return total, p.hits, q.y


print(run(1400000))
