# Slices in hot loops: the trace passes a slice's parts to list helpers and
# never allocates the slice object unless a guard fails after it was built.


def flips(perm):
    # fannkuch's inner loop: reverse a prefix in place.
    count = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count


total = 0
for i in range(300):
    p = [(i * 7 + j * 3) % 9 for j in range(9)]
    seen = set()
    q = []
    for x in p:
        if x not in seen:
            seen.add(x)
            q.append(x)
    for x in range(9):
        if x not in seen:
            q.append(x)
    total += flips(q)
print("flips", total)


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def windows(data, width):
    out = []
    for start in range(len(data)):
        # The bound turns into a big int, an __index__ object, then None.
        if start == 40:
            width = 2 ** 70
        elif start == 60:
            width = Index(3)
        elif start == 80:
            width = None
        stop = None if width is None else (start + width if isinstance(width, int) else Index(start + width.n))
        out.append(sum(data[start:stop]))
    return out


print(windows(list(range(100)), 4)[::7])


def shapes(values):
    # The sliced object stops being a list: the guard after the slice was
    # built fails, and the interpreter gets a real slice object.
    seen = []
    for i, v in enumerate(values):
        part = v[1:3]
        seen.append((type(part).__name__, part))
    return seen


data = [[1, 2, 3, 4]] * 50 + [(5, 6, 7, 8), "abcd", b"wxyz", range(10)]
print(shapes(data)[-6:])


def assign_steps(n):
    lst = list(range(20))
    errors = 0
    for i in range(n):
        try:
            if i % 50 == 49:
                lst[::2] = [0, 1]  # wrong length for an extended slice
            else:
                lst[i % 10:i % 10 + 3] = [i, i + 1, i + 2]
                lst[::3] = lst[::3][::-1]
        except ValueError as e:
            errors += 1
            last = str(e)
    return lst, errors, last


print(assign_steps(400))


def self_assign(n):
    lst = list(range(10))
    for i in range(n):
        lst[2:5] = lst
        lst = lst[:10]
        lst[1:9:2] = lst[-4:]
    return lst


print(self_assign(200))


def negative_steps(n):
    acc = []
    lst = list(range(30))
    for i in range(n):
        acc.append(lst[-1:-(i % 30) - 2:-1][:3])
        acc.append(lst[i % 7::-(i % 3 + 1)][-2:])
    return acc[-6:]


print(negative_steps(300))
