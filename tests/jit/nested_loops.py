# Nested loops: inner traces entered from outer ones, side traces after
# loop exits, loops over lists, tuples, dict items and generators.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        row = a[i]
        for j in range(p):
            s = 0.0
            for k in range(m):
                s += row[k] * b[k][j]
            c[i][j] = s
    return c

a = [[float(i + j) for j in range(7)] for i in range(6)]
b = [[float(i * j % 5) for j in range(5)] for i in range(7)]
for row in matmul(a, b):
    print(row)

def pairs(items):
    out = 0
    for x, y in items:
        for z in (x, y, x + y):
            out += z
    return out

print(pairs([(i, i * 2) for i in range(100)]))

def words(d):
    n = 0
    for k, v in d.items():
        for ch in k:
            n += v
    return n

print(words({str(i) * 3: i for i in range(80)}))

def gen(n):
    for i in range(n):
        yield i * i

def sum_gen(n):
    t = 0
    for v in gen(n):
        t += v
        if v > 10 ** 6:
            break
    return t

print(sum_gen(5000))

def early(n):
    found = []
    for i in range(n):
        for j in range(n):
            if i * j == 42:
                found.append((i, j))
                break
        else:
            continue
        if len(found) > 3:
            break
    return found

print(early(50))

def mutate(xs):
    for x in xs:
        if len(xs) < 100:
            xs.append(x + 1)
    return len(xs), xs[-1]

print(mutate([0, 1]))
