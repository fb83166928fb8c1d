# Calls of functions with loops are inlined into the caller's trace and
# their loops unrolled; defaults fill left-out parameters; calling an
# instance runs its class's __call__. Each case changes something mid-loop.


def find(xs, v):
    for i in range(len(xs)):
        if xs[i] == v:
            return i
    return -1


def total(xs, start=0):
    s = start
    for x in xs:
        s += x
    return s


def countdown(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
        if steps > 3:
            break
    return steps


def nested(k):
    out = 0
    for i in range(k):
        for j in range(i):
            out += i * j
    return out


def scaled(x, factor=2, offset=(1, 2)):
    return x * factor + len(offset)


class Spline:
    def __init__(self, points, degree=2):
        self.points = points
        self.degree = degree

    def __call__(self, u):
        acc = 0.0
        for p in self.points[: self.degree + 1]:
            acc += p * u
        return acc


def pick(weights, r):
    # Leaves its loop at a different item each call: the trace that
    # inlined it exits there often and records the loop again, calling it.
    acc = 0
    for i in range(len(weights)):
        acc += weights[i]
        if r < acc:
            return i
    return -1


def run():
    w = [3, 1, 4, 1, 5]
    seed = 12345
    counts = [0] * 6
    for n in range(3000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        counts[pick(w, seed % 14)] += 1
    print("picked", counts)

    xs = [5, 3, 9, 1]
    acc = 0
    for i in range(400):
        acc += find(xs, xs[i % 4])
        acc += find(xs, 42)
        acc += total(xs)
        acc += total((1, 2, 3), 10)
        acc += countdown(i % 7)
        acc += nested(i % 5)
        acc += scaled(i)
        if i == 200:
            xs.append(8)
        if i == 300:
            scaled.__defaults__ = (3, ())
    print("plain", acc)

    s = Spline([1.0, 2.0, 3.0, 4.0])
    t = 0.0
    for i in range(300):
        t += s(i * 0.5)
        if i == 100:
            s.degree = 3
        if i == 150:
            s.__call__ = lambda u: 0.0  # instance attributes are not used
        if i == 200:
            Spline.__call__ = lambda self, u: -u
    print("spline", t)

    big = list(range(300))
    t = 0
    for i in range(50):
        t += total(big)
    print("long loops", t)

    ys = [1, 2, "three", 4]
    caught = 0
    for i in range(60):
        try:
            total(ys if i % 20 == 19 else xs)
        except TypeError as e:
            caught += 1
            last = str(e)
    print("errors", caught, last)


run()
