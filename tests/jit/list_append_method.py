# `out.append(x)` through LoadMethod/CallMethod, traced as the list-append
# helper: the receiver turning into a list subclass, a deque or another
# object with an `append` mid-loop, `append` shadowed on the instance
# side, and the result (None) used.


class Tracked(list):
    def append(self, x):
        super().append(("tracked", x))


class Sink:
    def __init__(self):
        self.got = []

    def append(self, x):
        self.got.append(x * 2)


def fill(outs, n):
    results = []
    for i in range(n):
        out = outs[i % len(outs)] if i > n // 2 else outs[0]
        r = out.append(i)
        results.append(r)
    return results


import collections

plain = []
print(fill([plain], 50) == [None] * 50, plain[:5], len(plain))
mixed = [[], Tracked(), collections.deque(), Sink()]
print(set(fill(mixed, 80)))
print(len(mixed[0]), mixed[1][:2], list(mixed[2])[:3], mixed[3].got[:3])


def chars(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append("\\" + ch)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


print([chars('a"b' * k) for k in range(0, 30, 7)])
try:
    bad = []
    for i in range(60):
        (bad if i < 40 else None).append(i)
except AttributeError as e:
    print(len(bad), e)
