# locals() and vars() in functions after deletes, in comprehensions and
# class bodies, with closures, and the dict identity across calls.
def f(a, b=2, *args, **kw):
    c = a + b
    first = locals()
    print(sorted(first), first['c'])
    del c
    print('c' in locals(), locals() is first, 'first' in first)
    return [locals() for _ in range(1)][0]


print(sorted(f(1)))


def counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return sorted(locals().items())
    return bump


b = counter()
print(b(), b())


class K:
    x = 1
    snapshot = sorted(locals())
    y = vars()


print(K.snapshot, sorted(K.y) == sorted(K.__dict__) or sorted(K.y))


def modify():
    d = locals()
    d['zz'] = 'added'
    v = 1
    print('zz' in locals(), sorted(locals()))


modify()
