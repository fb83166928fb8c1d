# Functions called from outside traces (by native code, through calls a
# trace cannot inline) get traces of their own, from entry to return: their
# exits, exceptions, globals and recursion must behave as interpreted.
import functools


def score(v, scale=3):
    # Long enough to be traced from its entry.
    a = v * scale + 1
    b = a - v // 2
    if a > b:
        c = a - b
    else:
        c = b - a
    d = c * 2 + a % 7
    return d + b


print(sum(map(score, range(200))))
print(sorted(range(60), key=score)[:8])
print(list(map(score, [1.5, 2, 2.5, True, 10 ** 20, -3]))[:6])


def poly(*args):
    # *args: called through a helper from the loop below.
    x = args[0]
    y = x * x + 3 * x - 7
    z = y % 11 + x // 3
    w = z * 2 - y
    return w + z + y


total = 0
for i in range(300):
    total += poly(i)
print(total)
print([poly(v) for v in [0.5, 1.25, "oops" if False else 2, 3]])


def kind(x):
    # The same function with arguments of changing types.
    if isinstance(x, str):
        r = x.upper() + "!"
        r = r + r
        return r[:5] + str(len(r))
    y = x + 1
    y = y * 2
    y = y - 3
    y = y + x
    return y * y - x


print([kind(v) for v in list(range(50)) + [2.5, "ab", 7, "cd", 1.0] * 10][-12:])
print(list(map(kind, [1, "x", 2.0, "yz", 3])))


def ratio(a, b):
    # Raises ZeroDivisionError from inside its trace now and then.
    s = a + b
    d = a - b
    q = s / d
    q = q * 2
    q = q + s
    return q - d


out = []
for i in range(120):
    try:
        out.append(list(map(ratio, [i, 3], [3, i])))
    except ZeroDivisionError as e:
        out.append((i, str(e)))
print(out[:2], out[3], out[-1])


def guarded(a, b):
    # Catches its own exception.
    try:
        r = a // b
        r = r * 3 + a
    except ZeroDivisionError:
        r = -1
    r = r + 1
    r = r * 2
    return r - 1


print(list(map(guarded, range(100), [3, 0, 5, 7] * 25))[:12])

counter = 0


def bump(n):
    # Stores a global: later calls see the new value.
    global counter
    counter = counter + n
    x = counter * 2
    x = x + n
    x = x % 1000
    return x + counter


print(sum(map(bump, range(150))), counter)

limit = 10


def clip(v):
    # Reads a global that changes between calls.
    w = v * 3
    w = w - 1
    w = w + 2
    if w > limit:
        return limit
    return w


first = list(map(clip, range(100)))
limit = 50
second = list(map(clip, range(100)))
print(sum(first), sum(second))


def walk(n, acc):
    # Recursive: each level is its own call.
    if n == 0:
        return acc
    acc = acc + n * 2
    acc = acc - 1
    acc = acc * 1
    return walk(n - 1, acc)


print(sum(walk(k, 0) for k in range(100)))


def make_adder(k):
    def add(v):
        # A closure: cells are read, so calls go through a helper.
        t = v + k
        t = t * 2
        t = t - k
        t = t + v
        return t

    return add


add5 = make_adder(5)
print(sum(map(add5, range(200))))


def with_loop(n):
    # Its trace ends at the loop, whose own trace runs it.
    base = n * 2
    base = base + 1
    base = base - n
    t = 0
    for j in range(n % 7 + 3):
        t += j * base
    return t


print(sum(map(with_loop, range(150))))


def replaced(v):
    a = v + 1
    a = a * 2
    a = a - 3
    a = a + v
    return a


def other(v):
    a = v - 1
    a = a * 3
    a = a + 5
    a = a - v
    return a


print(sum(map(replaced, range(100))))
replaced.__code__ = other.__code__
print(sum(map(replaced, range(100))))


def defaults(v, k=2):
    a = v * k
    a = a + k
    a = a - 1
    a = a * 1
    return a + v


print(sum(map(defaults, range(100))))
defaults.__defaults__ = (10,)
print(sum(map(defaults, range(100))))


@functools.lru_cache(maxsize=None)
def cached(n):
    if n < 2:
        return n
    x = cached(n - 1) + cached(n - 2)
    x = x % 1000003
    x = x * 1
    return x + 0


print(cached(300))


class Settable:
    # `super()` in a function trace's own frame: the method looks past
    # its class, not at the super object.
    def __setattr__(self, name, value):
        if name.startswith("_") or name in ("x", "y"):
            super().__setattr__(name, value)
        else:
            object.__setattr__(self, name, value.upper())


class Child(Settable):
    pass


items = []
for i in range(120):
    c = Child()
    c._n = i
    c.x = i * 2
    c.label = "v%d" % i
    items.append((c._n, c.x, c.label))
print(items[-1], len(items))
