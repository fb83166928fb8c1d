# memoryview over bytes and bytearray: indexing, slicing, conversion.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcdef")
print(m[1], len(m), bytes(m[1:4]), m[1:4].tobytes(), m[::2].tolist(), m.tobytes(), m.hex())
print(m.readonly, m.nbytes, m.format, m.itemsize, m.shape, m.obj, m[-1], list(m[4:]))
print(m == b"abcdef", m[1:3] == b"bc", bytes(m[::-1]), m[1:5][1:3].tobytes())
ba = bytearray(b"xyz")
v = memoryview(ba)
v[0] = 65
print(ba, v.readonly, bytes(v))
with memoryview(b"q") as w:
    print(w[0])
show("released", lambda: w[0])
show("readonly", lambda: m.__setitem__(0, 1))
show("type", lambda: memoryview("abc"))
show("index", lambda: m[10])
print(type(m).__name__)
