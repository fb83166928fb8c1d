# Tuples a trace builds and takes apart again (swaps, pairs returned by
# inlined calls, constant indexing) are never allocated; a guard failing
# while one is alive, or the tuple escaping, must still give the real tuple.

def divmod_pair(a, b):
    return a // b, a % b


def triple(x):
    return x, x * 2, x * 3


def swaps(n):
    a, b = 0, 1
    total = 0
    for i in range(n):
        a, b = b, (a + b) % 1000003
        q, r = divmod_pair(b, 7)
        total += q - r
        t = triple(i)
        total += t[0] + t[-1] - t[1]
    return a, b, total


print(swaps(5000))


def escape_midway(n):
    kept = []
    for i in range(n):
        pair = (i, -i)
        if i % 997 == 996:
            kept.append(pair)  # the pair escapes on these iterations only
        x, y = pair
        if i == n - 3:
            # A guard fails (the type of y changes) with the pair alive.
            y = float(y)
        kept.append(x + y) if i > n - 5 else None
    return kept


print(escape_midway(3000))


def deopt_with_virtual(values):
    out = []
    for v in values:
        t = (v, v + 1)
        if v > 100:
            # An int becoming a big int deopts while the tuple is virtual.
            t2 = (t[0] * 10**20, t[1])
            out.append(t2)
        else:
            a, b = t
            out.append(a - b)
    return out


print(deopt_with_virtual(list(range(95, 106)) + [3, 2, 1] * 40)[-12:])


def nested(n):
    acc = []
    for i in range(n):
        p = ((i, i + 1), (i + 2, 3.5 * i))
        (a, b), (c, d) = p
        if i == n - 1:
            acc.append(p)
        acc.append(a + b + c + d) if i % 1000 == 0 else None
    return acc


print(nested(2500))
