# The array module: typecodes, conversions and their errors, the sequence
# protocol, byte round trips.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A.__name__)
for tc in array.typecodes:
    a = A(tc) if tc == "u" else A(tc, [1, 2, 3] if tc not in "fd" else [1.5, 2.25, 3])
    if tc == "u":
        a = A(tc, "abc")
    print(tc, a, a.itemsize, a.typecode, len(a), a.tolist(), a.tobytes())

for tc in "bBhHiIlLqQ":
    for v in (-(1 << 70), -(1 << 40), -70000, -200, -1, 200, 300, 70000, 1 << 33, 1 << 63, 1 << 64, 1.5, "x", None):
        try:
            A(tc, [v])
        except (OverflowError, TypeError) as e:
            print(tc, v, type(e).__name__, e)
for tc in "fdu":
    for v in ("x", None, 1, "ab", 1e300):
        try:
            print(tc, A(tc, [v]))
        except TypeError as e:
            print(tc, v, type(e).__name__, e)

calls = [
    "A('z')", "A(1)", "A('ab')", "A('d', 'abc')", "A('d', 3)", "A('d', [1]) + [1]",
    "A('d', [1]) + A('i')", "A('d').pop()", "A('d', [1]).pop(5)", "A('d', [1]).remove(3)",
    "A('d', [1]).index(3)", "A('d', [1])[5]", "A('d', [1]).extend(A('i'))",
    "A('d', [1]).frombytes(b'abc')", "A('d').fromlist((1,))", "A('d', [1, 2, 3])[::2]",
    "A('i', [1, 2, 3]).__setitem__(slice(0, 1), [5])", "A('i', [1, 2, 3]).__setitem__(5, 1)",
    "A('i', [1, 2, 3]).__delitem__(5)", "A('i', [1, 2]) < A('i', [1, 3])", "A('i', [1, 2]) == A('d', [1, 2])",
    "A('i', [1, 2]) == [1, 2]", "A('u', ['a', 'b'])", "A('i', [1]) * 3", "3 * A('i', [1])",
    "A('i', [1, 2]).buffer_info()[1]", "A('i', b'\\x01\\x00\\x00\\x00')", "A('b', range(3))",
    "list(iter(A('d', [1.5])))", "A('d', [1.5]).__iadd__([1])",
    "A('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), A('i', [1]))", "A('f', [0.1])[0]", "A('i', [1])[0:1]",
    "A('i', [1]).extend([1.5])", "A('i', A('d', [1.0]))", "A('d', A('i', [1]))", "A('u', 'ab').tounicode()",
    "A('i', [1]).pop(-2)", "A('i', [1])['x']", "A('i', [1, 2]) != A('i', [1, 2])", "A('i', [1]) >= A('i', [])",
    "A('i', [5, 6, 7]).index(7)", "A('i', [5, 6, 5]).count(5)", "A('i') * -1", "A('d', [1.0]) * 0",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

a = A("i", range(10))
a[2:5] = A("i", [20, 30])
print(a)
del a[::3]
print(a)
a[1] = -1
a[-1] = 99
print(a, a[-2], a[1:-1], 30 in a, 31 in a)
a.insert(0, 7)
a.insert(100, 8)
a.insert(-100, 9)
print(a, a.pop(), a.pop(0), a)
a.remove(5)
a.reverse()
print(a)
a.extend(A("i", [1, 2]))
a.extend((3, 4))
a += A("i", [5])
a *= 2
print(a, len(a))
b = A("h", [1, 256, -2])
b.byteswap()
print(b, b.tobytes())
c = A("h")
c.frombytes(b.tobytes())
c.fromlist([3, 4])
print(c, c == b, c[:3] == b)
d = A("d", [0.5, 1.5])
d.append(2)
d[0] = 7
print(d, sum(d), max(d), sorted(d, reverse=True))
u = A("u", "hé")
u.fromunicode("llo")
u.append("!")
print(u, u.tounicode(), len(u), u.tobytes()[:8])
q = A("Q", [2**64 - 1, 0])
print(q, q.tobytes(), A("Q", q.tobytes()))
print(A("f", [1 / 3]).tolist(), A("f", [1e39]), A("b", b"\xff\x7f"))
e = d.__copy__()
e[0] = 0
print(d, e, d.__deepcopy__({}))

class Sub(A):
    pass

s = Sub("i", [1, 2])
print(type(s).__name__, isinstance(s, A), s[0], s + A("i", [3]))

# a hot loop over floats, the raytrace pattern
pixels = A("d", [0.0]) * 3000
for i in range(3000):
    pixels[i] = pixels[i - 1] * 0.5 + i
print(len(pixels), pixels[2999], sum(pixels) > 0)

# tofile / fromfile through file objects
import io
f = io.BytesIO()
A("h", [1, -2, 300]).tofile(f)
f.write(b"\x07")
data = f.getvalue()
g = A("h")
f = io.BytesIO(data)
g.fromfile(f, 2)
print(g)
try:
    g.fromfile(f, 5)
except (EOFError, ValueError) as e:
    print(type(e).__name__, e, g)
f = io.BytesIO(data)
try:
    A("b").fromfile(f, -1)
except ValueError as e:
    print(e)
h = A("b")
try:
    h.fromfile(f, 10)
except EOFError as e:
    print(e, h)
