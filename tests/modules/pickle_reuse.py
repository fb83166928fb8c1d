# The pickler and unpickler reuse their memo tables and buffers between
# calls: what one call leaves behind (a failure half way, a huge memo, a
# nested call from __reduce__) must not show in the next call's bytes.
import pickle
import hashlib


def digest(data):
    return hashlib.md5(data).hexdigest()


class Nested:
    """Pickles another object while being pickled."""

    def __init__(self, inner):
        self.inner = inner

    def __reduce__(self):
        return (Nested, (pickle.dumps(self.inner, 2),))


class Boom:
    def __reduce__(self):
        raise ValueError("boom")


shared = ["shared"]
small = [shared, shared, {"k": shared}, (1, 2, shared)]
for proto in range(6):
    before = pickle.dumps(small, proto)
    try:
        pickle.dumps([shared, [shared, Boom()]], proto)
    except ValueError as e:
        print(proto, "failed:", e)
    after = pickle.dumps(small, proto)
    print(proto, before == after, digest(after))

# A memo past the size that is kept for reuse, then a small one.
big = [[i] for i in range(6000)]
for proto in (1, 2, 4, 5):
    data = pickle.dumps([big, big[::-1]], proto)
    back = pickle.loads(data)
    print(proto, len(data), digest(data), back[0][5999], back[1][0] is back[0][5999])
    print(proto, digest(pickle.dumps(small, proto)))

# Ints at the edges of the 1, 2, 4 and 8 byte encodings.
edges = []
for bits in (7, 8, 15, 16, 31, 32, 47, 48, 55, 56, 63, 64, 65):
    for v in (2 ** bits - 1, 2 ** bits, -2 ** bits, -2 ** bits - 1):
        edges.append(v)
for proto in range(6):
    data = pickle.dumps(edges, proto)
    print(proto, digest(data), pickle.loads(data) == edges)

# Nested dumps inside a dump, and loads inside a loads.
obj = [Nested([shared, shared]), shared, Nested({"a": (shared,)})]
for proto in range(6):
    data = pickle.dumps(obj, proto)
    back = pickle.loads(data)
    print(proto, digest(data), [pickle.loads(n.inner) for n in back[::2]])

# Truncated input, then a good one.
good = pickle.dumps(small, 4)
for cut in (3, len(good) // 2, len(good) - 1):
    try:
        pickle.loads(good[:cut])
    except Exception as e:
        print(cut, type(e).__name__, e)
    print(pickle.loads(good) == small)
