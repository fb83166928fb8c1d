# marshal round trips every data type in versions 0-4, shares repeated
# objects, and reports bad data and unmarshallable objects as CPython.
import marshal, sys
for v in [None, True, False, StopIteration, ..., 0, 1, -1, 2**31-1, -2**31, 2**31, 2**100, -2**100, 1.5, -0.0, float("inf"), 1+2j,
          "abc", "é€😀", "a"*300, b"xyz", (1, 2), (), [1, [2]], {"a": 1}, {1, 2}, frozenset(), frozenset({3})]:
    for ver in range(5):
        got = marshal.loads(marshal.dumps(v, ver))
        assert got == v and type(got) is type(v), (v, ver, got)
print(marshal.loads(b'\xe9\x05\x00\x00\x00'), marshal.loads(b'l\x02\x00\x00\x00\xff\x7f\x01\x00'))
x = [1.5]
y = marshal.loads(marshal.dumps((x, x)))
print(y, y[0] is y[1])
l = [1]; l.append(l)
print(marshal.loads(marshal.dumps(l)))
print(marshal.loads(marshal.dumps(bytearray(b"ab"))), marshal.loads(marshal.dumps(memoryview(b"cd"))))
for bad in [b'', b'0', b'f', b'l\x02\x00\x00\x00\x00\x00\x00\x00', b'r\x00\x00\x00\x00', b'?', b'i\x01']:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), type("I", (int,), {})(), sys]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(marshal.dumps.__module__, marshal.version)
