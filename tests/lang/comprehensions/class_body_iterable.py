class C:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
    pairs = {x: x for x in xs}
    try:
        zs = [x + len(xs) for x in xs]
    except NameError as e:
        err = str(e)
print(C.ys, C.pairs, C.err)

def f():
    n = 10
    class D:
        vals = [n + i for i in range(3)]
    return D.vals
print(f())
