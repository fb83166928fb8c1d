# Ranges made in a loop: range() and reversed(range()) of small ints run as
# helpers that take the range's parts (the range object itself is sunk);
# a step that turns from positive to negative, ranges that escape, and a
# range with a zero step (the interpreter raises) must still behave.
def f(n):
    t = 0
    for i in range(n):
        for j in range(i % 7):
            t += j
        for k in range(1, i % 5, 2):
            t -= k
        for m in reversed(range(i % 4)):
            t += m * 2
    return t
print(f(3000))
def g(n, step):
    t = 0
    for i in range(n):
        for j in range(0, 10, step):
            t += j
        if i == n - 5:
            step = -3
    return t
print(g(300, 2))
def h(n):
    out = []
    for i in range(n):
        r = range(i, i + 3)
        out.append((len(r), r[1], list(reversed(r))))
        for x in r:
            if x == 7: raise_here = r
    return out[-1], raise_here
print(h(20))
def zero_step(n):
    step = 1
    total = 0
    for i in range(n):
        if i == n - 1:
            step = 0
        try:
            for j in range(0, 4, step):
                total += j
        except ValueError as e:
            print("ValueError", e)
    return total
print(zero_step(50))
def big_bounds(n):
    total = 0
    for i in range(n):
        lo = 2**40 if i < n - 2 else 2**62
        for j in range(lo, lo + 2):
            total += j % 1000
    return total
print(big_bounds(60))
