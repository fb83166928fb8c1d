# array pickling the C way: __reduce_ex__ by protocol, _array_reconstructor
# with native and foreign machine formats, copy and pickle round trips.
import array
import copy
import pickle

samples = [array.array(c, [1, 2, 3]) for c in "bBhHiIlLqQ"]
samples += [array.array("f", [1.5, -2.25]), array.array("d", [0.1, 1e300]),
            array.array("u", "héllo\U0001f600"), array.array("i")]
for a in samples:
    for proto in (0, 2, 3, 4):
        r = a.__reduce_ex__(proto)
        print(a.typecode, proto, r[0].__name__, r[1][1:], r[2])
    for proto in range(1, pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == a.typecode, (a, proto)
    print(copy.copy(a) == a, copy.deepcopy(a) == a)

rec = array._array_reconstructor
print(rec(array.array, "i", 8, b"\x01\x00\x00\x00"))
for code in range(22):
    data = b"a\0\0\0b\0\0\0" if code == 20 else bytes(range(1, 9))
    tc = "u" if code >= 18 else "d" if code in (16, 17) else "f" if code >= 14 else "b"
    try:
        a = rec(array.array, tc, code, data)
        print(code, a.typecode, a.tolist())
    except (ValueError, UnicodeDecodeError, OverflowError) as e:
        print(code, type(e).__name__, e)
print(rec(array.array, "l", 9, b"\x00\x00\x00\x05\xff\xff\xff\xff"))
print(rec(array.array, "u", 19, "hi".encode("utf-16-be")))
for args in [(list, "i", 8, b""), (1, "i", 8, b""), (array.array, "z", 8, b""),
             (array.array, "i", 22, b""), (array.array, "i", -1, b""),
             (array.array, "i", 8, "str"), (array.array, "ii", 8, b"")]:
    try:
        rec(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Tagged(array.array):
    pass


t = Tagged("h", [7, 8])
t.label = "x"
r = t.__reduce_ex__(4)
print(r[0].__name__, r[1][0].__name__, r[1][1:], r[2])
u = pickle.loads(pickle.dumps(t))
print(type(u).__name__, u.tolist(), u.label)
print(t.__reduce_ex__(2)[0].__name__, t.__reduce_ex__(2)[1:])
