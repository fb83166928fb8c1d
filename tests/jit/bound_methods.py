# `obj.method` taken as a value and called in a loop: the bound method is
# never allocated unless it escapes or a guard fails while it is alive.


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, x):
        self.total += x
        return self.total

    def scale(self, k):
        return self.total * k


def plain(n):
    a = Acc()
    for i in range(n):
        f = a.add
        f(i)
    return a.total


print(plain(10000))


def escaping(n):
    a = Acc()
    kept = []
    for i in range(n):
        f = a.add
        if i % 1000 == 999:
            kept.append(f)  # escapes on these iterations only
        f(1)
    return a.total, len(kept), kept[0].__self__ is a, kept[-1](0)


print(escaping(5000))


def class_changes(n):
    a = Acc()
    out = 0
    for i in range(n):
        if i == n // 2:
            Acc.add = lambda self, x: x * 100  # the class mutates mid-loop
        m = a.add
        out += m(1)
    return out


print(class_changes(3000))


def shadowed(n):
    a = Acc()
    out = 0
    for i in range(n):
        if i == n - 10:
            a.scale = lambda k: -k  # an instance attribute now shadows it
        a.total = 2
        s = a.scale
        out += s(3)
    return out


print(shadowed(3000))


def deopt_alive(values):
    a = Acc()
    out = []
    for v in values:
        g = a.scale
        a.total = v
        out.append(g(2))  # v turns into a float and then a big int
    return out[-4:]


print(deopt_alive(list(range(500)) + [1.5, 2.5] + [10**30, 3]))
