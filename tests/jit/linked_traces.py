# Traces handing over to each other without the interpreter: short inner
# loops inside an outer loop (side traces ending at loop headers, guard
# exits linked through adapters), values kept unboxed across the links,
# ints growing past the immediate range at a linked exit, and floats.


def fannkuch_like(n):
    count = list(range(1, n + 1))
    perm1 = list(range(n))
    r = n
    flips_max = 0
    checksum = 0
    rounds = 0
    while 1:
        rounds += 1
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[n - 1] != n - 1:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > flips_max:
                flips_max = flips
            checksum += flips if rounds % 2 else -flips
        while r != n:
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return flips_max, checksum, rounds


print(fannkuch_like(6))
print(fannkuch_like(7))


def growing(limit):
    # `big` leaves the immediate int range while the loops hand over.
    big = 1
    total = 0.0
    steps = 0
    for i in range(limit):
        j = 0
        while j < 3:
            j += 1
            big = big * 3 + j
        if i % 4 == 0:
            total += big / 7.0
        else:
            total -= 0.5
        while total > 1e30:
            total /= 1e10
            steps += 1
    return big % 1000003, round(total, 3), steps


print(growing(60))
print(growing(200))


def mixed(items):
    out = []
    acc = 0
    for x in items:
        n = 0
        while n < 2:
            n += 1
            acc += x if isinstance(x, int) else int(x * 2)
        if acc % 3 == 0:
            out.append(acc)
    return len(out), acc, out[-3:]


print(mixed(list(range(300))))
print(mixed([1.5, 2, 3.25, 4] * 80))
