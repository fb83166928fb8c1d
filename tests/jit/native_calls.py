# Builtin functions and methods of built-in types called from traces pass
# their arguments in registers; rebinding the callee, a receiver of another
# type, keyword arguments and exceptions must behave as in the interpreter.
import math


def rebound_callee(n):
    out = []
    f = abs
    for i in range(n):
        out.append(f(i - 5))
        if i == 6:
            f = str
        if i == 9:
            f = math.floor
    return out


print(rebound_callee(14))


def methods(words):
    out = []
    for w in words:
        out.append(w.upper().strip("X").replace("A", "4", 1))
    return out


print(methods(["xaax", "abc", "XBAX", "aaa"] * 3))


def mixed_receivers(items):
    out = []
    for x in items:
        out.append(x.count(1))
    return out


print(mixed_receivers([[1, 1, 2], (1,), [3], (1, 1, 1), b"\x01\x01", "ab"[:0] or [1]]))


def bound_natives(n):
    seen = []
    push = seen.append
    d = {}
    get = d.get
    for i in range(n):
        push(get(i % 3, -1))
        d[i % 3] = i
    return seen, sorted(d.items())


print(bound_natives(10))


def arities(n):
    total = 0
    for i in range(n):
        total += max(i, 3) + min(i, 4, 2) + divmod(i, 3)[1] + pow(2, i % 5, 7) + len(())
        total += hash(()) == hash(()) + round(1.5) + int("7") + sum([i, 1], 2)
    return total


print(arities(30))


def keywords(n):
    out = []
    for i in range(n):
        out.append(sorted([i % 4, 2, 9], reverse=i % 2 == 0))
        out.append(int("11", base=2 + i % 3))
        out.append("-".join(str(j) for j in range(i % 3)))
    return out


print(keywords(8))


def unbound_descriptor(items):
    out = []
    for x in items:
        out.append(str.upper(x))
    return out


print(unbound_descriptor(["a", "b", "c", "d"]))
try:
    print(unbound_descriptor(["a", "b", 3]))
except TypeError as e:
    print("TypeError:", e)


def raises_caught(values):
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError as e:
            out.append(str(e))
        try:
            out.append([1, 2].index(v))
        except ValueError as e:
            out.append(str(e))
    return out


print(raises_caught(["1", "x", "2", "3", "?", 2, 1]))


def lookup(d, keys):
    total = 0
    for k in keys:
        total += d.get(k, 0)
        total += divmod(total, 7 - k)[0]
    return total


print(lookup({1: 5, 2: 6}, [1, 2, 3, 4, 5, 6]))



class Counts(dict):
    pass


def subclass_methods(n):
    c = Counts()
    out = []
    for i in range(n):
        out.append(c.get(i % 3, 0))
        c[i % 3] = i
        if i == 5:
            Counts.get = lambda self, k, d=None: "patched"
        if i == 8:
            c.get = lambda k, d: "own"
        if i == 10:
            del Counts.get
    return out


print(subclass_methods(13))
import re


def match_groups(lines):
    pat = re.compile(r"(\w+)=(\d+)")
    out = []
    for line in lines:
        m = pat.match(line)
        if m is None:
            out.append(None)
            continue
        out.append((m.group(1), int(m.group(2)), m.span(), m.groups()))
    return out


print(match_groups(["a=1", "bb=22", "?", "c=3", "dd=x", "e=5"] * 2))
print(lookup({1: 5, 2: 6}, [1, 2, 3, 4, 5, 6, 7, 1]))
