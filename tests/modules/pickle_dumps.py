# The bytes `pickle.dumps` writes (the C pickler `_pickle`) for atoms and
# built-in containers under every protocol, and their round trips.
import pickle
import zlib


def show(p, v):
    try:
        s = pickle.dumps(v, p)
    except Exception as e:
        print(p, type(e).__name__, e)
        return
    r = pickle.loads(s)
    same = r == v or (v != v and r != r)
    if len(s) < 160:
        print(p, s, same)
    else:
        print(p, len(s), zlib.crc32(s), s[:24], same)


VALUES = [
    None, True, False,
    0, 1, 255, 256, 65535, 65536, -1, -256, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**47, 2**48, -2**48, 2**63, -2**63, 2**64, -2**100, 10**50, 256**255, -256**255,
    0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, 1e16, float('inf'), float('-inf'), float('nan'),
    "", "a", "abc", "h\u00e9llo\n\\", "\u20ac", "\U0001f600", "nul\0cr\r\x1a", "x" * 300,
    b"", b"abc", bytes(range(256)), b"y" * 300,
    bytearray(), bytearray(b"xy"),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), ("a", "a"),
    [], [1], [1, 2], ["s", b"b", 1.0], [[], [[]]],
    {}, {1: 2}, {'a': 1, 'b': [1, 2]}, {(1, 2): frozenset({3})},
    set(), {1}, {1, 2, 3}, {-5, 7, 300}, frozenset(), frozenset({1, 2}),
    complex(1, 2), range(3), slice(1, 2), ..., NotImplemented,
    type(None), type(...), int, len, pickle.dumps, pickle.Pickler,
]

for p in range(6):
    print("protocol", p)
    for v in VALUES:
        show(p, v)

print("sharing and recursion")
a = [1, 2]
for p in range(6):
    show(p, [a, a, (a, a)])
    s = "shared"
    show(p, [s, s, s])
l = [1, 2]
l.append(l)
d = {}
d["self"] = d
t = ([],)
t[0].append(t)
for p in range(6):
    for obj in (l, d, t):
        s = pickle.dumps(obj, p)
        print(p, s)
    r = pickle.loads(pickle.dumps(l, p))
    print(r[2] is r, end=" ")
    r = pickle.loads(pickle.dumps(t, p))
    print(r[0][0] is r)

print("batches")
for p in range(6):
    for n in (999, 1000, 1001, 2000, 2001):
        show(p, list(range(n)))
        show(p, {i: -i for i in range(n)})
        show(p, set(range(n)))
        show(p, frozenset(range(n)))

print("frames")
for p in (4, 5):
    show(p, [b"x" * 70000, "y" * 70000, list(range(30000)), b"z" * 10])
    show(p, ["w" * 1000] * 200 + [str(i) * 20 for i in range(5000)])
    show(p, bytearray(b"q" * 70000))

print("memo indices past 255")
for p in range(6):
    strs = [str(i) for i in range(300)]
    show(p, strs + strs)
