# Calls with keyword arguments inside traces (functions, builtins, methods,
# classes), including a callee rebound mid-loop and a keyword error.


def scaled(x, k=1, *, offset=0):
    return x * k + offset


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, y=self.y + dy)


def run(n):
    out = []
    f = scaled
    for i in range(n):
        out.append(f(i, k=2, offset=i % 3))
        out.append("{a}-{b}".format(b=i, a=n))
        out.append(",".join(sorted(["b", "a", str(i)], key=len, reverse=True)))
        p = Point(i, y=1).moved(dy=i)
        out.append((p.x, p.y))
        out.append(int("101", base=2 + i % 2))
        if i == 4:
            f = lambda x, k, offset: ("lambda", x, k, offset)
    return out


print(run(8))


def bad_keyword(n):
    total = 0
    for i in range(n):
        total += scaled(i, k=1) if i < 5 else scaled(i, bad=1)
    return total


try:
    bad_keyword(8)
except TypeError as e:
    print("TypeError:", e)
