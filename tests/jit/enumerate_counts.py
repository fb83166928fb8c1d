# enumerate's count in a traced loop, from small ints across the boundary
# of the small-int representation into big ints, and from a float-like
# start given by __index__.


class Start:
    def __index__(self):
        return 7


def total(xs, start):
    s = 0
    for i, x in enumerate(xs, start):
        s += i * x
    return s


xs = list(range(50))
for start in (0, -30, 2 ** 46 - 20, 2 ** 47 - 20, 2 ** 62 - 10, 2 ** 63 - 10, Start()):
    print(total(xs, start))
last = None
for last in enumerate(range(5), 2 ** 100):
    pass
print(last)
print(list(enumerate("ab", True)))


class MyInt(int):
    pass


print([type(i).__name__ for i, _ in enumerate("ab", MyInt(3))])
