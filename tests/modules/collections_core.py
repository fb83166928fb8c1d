# _collections.deque and defaultdict: results, reprs and messages.
from _collections import deque, defaultdict

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extend("ab")
d.extendleft([9, 8])
print(d, d.count(1), d.index("a"))
d.remove(9)
d.reverse()
print(d, d == deque(d), d != deque(), d.copy(), d + deque([0]))
d[0] = "z"
del d[1]
print(d, bool(deque()), deque() < deque([1]))
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
m.appendleft(7)
print(m, repr(deque()), deque("ab", 2))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("remove miss", lambda: deque([1]).remove(5))
show("index miss", lambda: deque([1]).index(5))
show("getitem", lambda: deque([1])[5])
show("maxlen neg", lambda: deque([], -1))
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("add", lambda: deque() + [1])
dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd["a"], "c" in dd, sorted(dd))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
n = defaultdict(None, {1: 2})
print(n)
show("missing none", lambda: n[5])
show("bad factory", lambda: defaultdict(5))
print(defaultdict(list, a=1), isinstance(dd, dict), dd.copy())
