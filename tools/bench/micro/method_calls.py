"""Micro: calls of small methods on instances, bound and through self."""


class Counter:
    def __init__(self):
        self.count = 0
        self.step = 1

    def bump(self):
        self.count += self.step

    def add(self, k):
        self.count += k
        return self.count

    def twice(self, k):
        self.add(k)
        return self.add(k)


def run(n):
    c = Counter()
    last = 0
    for i in range(n):
        c.bump()
        last = c.twice(i & 7)
    return last, c.count


print(run(800000))
