# An exception escaping a function trace from a call it inlined: the
# traceback names every frame, as interpreted.


def inner(x, y):
    z = x * 2
    return z // y


def outer(x, y):
    a = x + 1
    a = a * 2
    a = a - 1
    a = a + y
    b = inner(a, y)
    b = b + 1
    b = b * 3
    b = b - a
    return b


print(sum(map(outer, range(100), [1, 2, 3, 4] * 25)))
print(list(map(outer, [5, 6, 7], [1, 0, 2])))
