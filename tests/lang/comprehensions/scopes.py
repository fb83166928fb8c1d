x = "outer"
print([x for x in range(3)], x)
print({x: x * 2 for x in "ab"}, x)
print({x % 3 for x in range(10)}, x)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

class C:
    n = 5
    vals = [i for i in range(3)]
    try:
        bad = [n for _ in range(1)]
    except NameError as e:
        err = str(e)
print(C.vals, C.err)

def g():
    funcs = [lambda: i for i in range(3)]
    return [h() for h in funcs]
print(g())
print([(i, j) for i in range(3) for j in range(i)])
print([i for i in range(10) if i % 2 if i > 3])
print([[j for j in range(i)] for i in range(4)])
matrix = [[1, 2], [3, 4]]
print([v for row in matrix for v in row])
