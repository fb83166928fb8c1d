# Generators run to their end by list(), tuple(), set(), sorted() or f(*g):
# a trace's `yield` hands the item to the consumer and the loop goes on.
# The same generator code iterated by next() must still suspend.


def squares(n):
    for i in range(n):
        yield i * i


def echo(n):
    # What `yield` gives back is None when a consumer drains the generator.
    got = []
    for i in range(n):
        sent = yield i
        got.append(sent)
    yield got[-3:]


def nqueens_like(cols):
    total = 0
    for vec in [(i * 5 + 3) % 8 for i in range(8)], list(range(8)), [7, 6, 5, 4, 3, 2, 1, 0]:
        for _ in range(40):
            a = set(vec[i] + i for i in cols)
            b = set(vec[i] - i for i in cols)
            t = tuple(vec[i] for i in cols if vec[i] % 2)
            total += len(a) + len(b) + len(t)
    return total


print(nqueens_like(range(8)))
print(sum(list(squares(500))), len(set(squares(300))), tuple(squares(12))[-3:])
print(list(echo(50))[-1])

# Drained, then stepped by next(): the trace compiled while draining exits
# at the yield and the interpreter suspends the frame.
for round_ in range(3):
    print(sorted(squares(100))[-2:])
    g = squares(100)
    print(next(g), next(g), next(g))
    for x in g:
        if x > 50:
            break
    print(x, next(g))
    print(list(g)[:2])

# Items of every kind: big ints, floats, objects.
def mixed(n):
    for i in range(n):
        if i % 3 == 0:
            yield 2 ** (60 + i % 5)
        elif i % 3 == 1:
            yield i / 7
        else:
            yield (i, str(i))


print(list(mixed(90))[-4:])


# Nested drains: a genexpr drained inside another drained generator.
def rows(n):
    for i in range(n):
        yield tuple(j * i for j in range(5))


print(list(rows(60))[-2:])


# Exceptions while draining: raised inside, StopIteration turned into
# RuntimeError (PEP 479).
def failing(n):
    for i in range(n):
        if i == 70:
            raise ValueError("item %d" % i)
        yield i


try:
    list(failing(100))
except ValueError as e:
    print("ValueError", e)


def stops(n):
    it = iter(range(n))
    while True:
        yield next(it)


try:
    print(len(list(stops(120))))
except RuntimeError as e:
    print("RuntimeError", e)


def f(*args):
    return len(args), args[-1]


print(f(*squares(200)), f(*(x for x in range(150) if x % 7 == 3)))
