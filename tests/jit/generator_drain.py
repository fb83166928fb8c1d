# Generators drained by list(), tuple(), set() and frozenset() in hot
# loops: the JIT follows the generator's frame into the loop's trace.
# Each case makes a trace exit happen inside the generator's frame at
# some iteration (a type change, a loop of another length, an exception),
# after which the interpreter finishes the drain.
import traceback


def basic(n):
    cols = range(8)
    total = 0
    for k in range(n):
        vec = [(k * 7 + i * 3) % 8 for i in cols]
        a = set(vec[i] + i for i in cols)
        b = tuple(vec[i] - i for i in cols)
        c = list(x * 2 for x in vec)
        d = frozenset(x % 3 for x in vec)
        total += len(a) + len(b) + c[3] + len(d)
    return total


print("basic", basic(3000))


def type_change(n):
    out = []
    for k in range(n):
        scale = 1.5 if k == n - 3 else 2
        big = 2 ** 62 if k == n - 2 else 1
        out.append(tuple(i * scale + big for i in range(4)))
    return out[-4:]


print("type change", type_change(200))


def lengths(n):
    out = 0
    for k in range(n):
        items = list(i * i for i in range(k % 7))
        out += len(items) * 100 + sum(items)
    return out


print("lengths", lengths(500))


def raising(n):
    seen = []
    for k in range(n):
        data = [1, 2, 3, 0 if k % 97 == 96 else 4]
        try:
            seen.append(tuple(12 // x for x in data))
        except ZeroDivisionError as e:
            seen.append(("error", k, str(e)))
    return [s for s in seen if s[0] == "error"], seen[-1]


print("raising", raising(300))


def traceback_inside(n):
    for k in range(n):
        data = [3, 2, 1, 0 if k == n - 1 else 1]
        try:
            set(10 // x for x in data)
        except ZeroDivisionError:
            lines = traceback.format_exc().splitlines()
            print("\n".join(line for line in lines if "line" in line or "Error" in line))


traceback_inside(100)


def unhashable(n):
    for k in range(n):
        try:
            s = set([i] if k == n - 1 else i for i in range(3))
        except TypeError as e:
            print("unhashable", k, e)
        else:
            assert len(s) == 3


unhashable(100)


def gen_function(limit, step):
    i = 0
    while i < limit:
        if i % 3 == 0:
            yield i
        i += step


def from_function(n):
    out = 0
    for k in range(n):
        out += sum(list(gen_function(10 + k % 4, 1)))
    return out


print("generator function", from_function(400))


def reused(n):
    out = []
    for k in range(n):
        g = (i + k for i in range(3))
        first = list(g)
        second = list(g)
        out.append((first, second))
    return out[-1]


print("reused", reused(100))


def stop_iteration(n):
    def gen(k):
        yield 1
        if k == n - 1:
            raise StopIteration("inside")
        yield 2

    for k in range(n):
        try:
            r = tuple(gen(k))
        except RuntimeError as e:
            print("pep 479", k, e, type(e.__cause__).__name__)
        else:
            assert r == (1, 2)


stop_iteration(60)


def nested(n):
    out = None
    for k in range(n):
        out = tuple(tuple(j + k for j in range(i)) for i in range(4))
    return out


print("nested", nested(200))


def helper(x, k):
    if k == 150 and x == 2:
        return x / 4
    return x * 2


def through_call(n):
    out = []
    for k in range(n):
        out.append(list(helper(x, k) for x in range(4)))
    return out[149:152]


print("through a call", through_call(200))


def with_finally(n):
    log = []

    def gen(k):
        try:
            for i in range(3):
                yield i * k
        finally:
            log.append(k)

    total = 0
    for k in range(n):
        total += sum(set(gen(k)))
    return total, log[-3:]


print("finally", with_finally(100))


def side_effects(n):
    log = []

    def noisy(i):
        log.append(i)
        return i

    for k in range(n):
        t = tuple(noisy(i) if k != n - 1 else noisy(i) / 1 for i in range(3))
        log.append(t)
    return log[-8:]


print("side effects", side_effects(50))


def shared_iterator(n):
    # The generator's loop ends sooner than when it was recorded: the
    # list iterator it shares with the caller must end up exhausted.
    out = []
    for k in range(n):
        data = [1, 2, 3, 4][: 1 + 2 * (k % 10 != 5)]
        it = iter(data)
        first = tuple(x * 2 for x in it)
        data.append(9)
        out.append((first, list(it)))
    return [pair for pair in out if pair[1]], out[-6]


print("shared iterator", shared_iterator(100))
