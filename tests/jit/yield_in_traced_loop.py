# A generator whose loop yields to a `for` (not to list()/set()): the
# loop's trace runs up to the yield, and the interpreter suspends the
# frame there. Resuming, throwing into and closing it must behave as ever.


def permutations(pool):
    n = len(pool)
    indices = list(range(n))
    cycles = list(range(1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices)
    while n:
        for i in reversed(range(n)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                total = 0
                for k in indices:
                    total += k * k
                yield tuple(pool[i] for i in indices), total
                break
        else:
            return


count = 0
checksum = 0
for item in permutations("abcdef"):
    count += 1
    if count > 1:
        checksum += item[1]
print(count, checksum)


def counter(limit):
    i = 0
    acc = 0
    while i < limit:
        acc += i * 3
        if acc % 7 == 0:
            acc += 1
        i += 1
        got = yield acc
        if got is not None:
            acc = got


g = counter(200)
seen = [next(g) for _ in range(50)]
print(seen[-3:])
print(g.send(1000))
print([next(g) for _ in range(5)])
try:
    g.throw(ValueError("stop"))
except ValueError as e:
    print("thrown:", e)
print(next(g, "finished"))

g = counter(300)
for _ in range(120):
    next(g)
g.close()
print(g.gi_frame is None)

# The consumer changes types mid-stream.
def mixed(n):
    x = 0
    for k in range(n):
        x = x + k if k < n // 2 else x + k * 0.5
        yield x

print(sum(mixed(400)))
print(max(v for v in mixed(100)))
