# _struct through the struct module: formats, sizes, alignment, errors.
import struct

for fmt in ["", "b", "ci", "<ci", "@bq", "=bq", ">bq", "!hH", "2x3s", "i0s", "   i i", "l", "<l",
            "n", "N", "P", "e", "f", "d", "10p", "3?", "qQ", "<qQ", "bhilq", "<bhilq", "xxi", "ih"]:
    print(repr(fmt), struct.calcsize(fmt))

for fmt in ["<n", "z", "3", "<P", "4", "i#", "=N"]:
    try:
        struct.calcsize(fmt)
    except struct.error as e:
        print(repr(fmt), "error:", e)

cases = [
    ("<hif", (1, 2, 3.5)), (">hif", (1, -2, -3.5)), ("=bBhHiIlLqQ", (-1, 255, -300, 65535, -7, 7, -8, 8, -9, 9)),
    ("@bq", (1, 2)), ("<e", (1.5,)), (">e", (65504.0,)), ("<e", (1e-7,)), ("<e", (float("inf"),)),
    ("<f", (0.1,)), ("<d", (0.1,)), ("c", (b"x",)), ("?", (5,)), ("?", ([],)), ("5s", (b"ab",)),
    ("2s", (b"abcdef",)), ("5p", (b"ab",)), ("3p", (b"abcdef",)), ("<Q", (2**64 - 1,)),
    ("<q", (-2**63,)), ("P", (-1,)), ("<i", (True,)), ("<d", (3,)), ("<3h", (1, 2, 3)), ("x3xh", (4,)),
    ("<n", None), ("N", (2**64 - 1,)), ("n", (-2**63,)), (b"<i", (3,)),
]
for fmt, args in cases:
    if args is None:
        continue
    packed = struct.pack(fmt, *args)
    print(fmt, args, packed, struct.unpack(fmt, packed))

class Idx:
    def __index__(self):
        return 7

print(struct.pack("<i", Idx()))

errors = [
    ("b", 200), ("B", -1), ("h", 1 << 20), ("H", -1), ("i", 1 << 40), ("I", -1), ("l", 1 << 70),
    ("L", -1), ("q", 1 << 70), ("Q", -1), ("n", 1 << 70), ("N", -1), ("<b", 200), ("<B", -1),
    ("<h", 1 << 20), ("<H", -1), ("<i", 1 << 40), ("<I", -1), ("<l", 1 << 40), ("<L", -1),
    ("<q", 1 << 70), ("<Q", -1), ("I", 1 << 40), ("<I", 1 << 40), ("<L", 1 << 40), ("i", -(1 << 40)),
    ("<i", -(1 << 70)), ("b", 1 << 70), ("B", 1 << 70), ("b", "x"), ("<i", 1.5), ("c", b"ab"),
    ("c", 1), ("s", 1), ("p", "x"), ("f", "x"), ("e", 1e10), ("<f", 1e300), ("P", 1.0),
    ("i", None), ("d", 1 << 2000), ("e", 65520.0), ("s", "x"),
]
for fmt, v in errors:
    try:
        print(fmt, struct.pack(fmt, v))
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, type(e).__name__, e)

print(struct.pack("f", 1e300), struct.pack("e", 65519.0), struct.pack("e", float("nan")))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x01\x00"), struct.unpack("?", b"\x02"))
print(struct.unpack("<f", b"\x00\x00\x80\x7f"), struct.unpack(">d", b"\x3f\xf0" + b"\x00" * 6))

calls = [
    "struct.pack('ii', 1)", "struct.pack('i', 1, 2)", "struct.unpack('i', b'12')",
    "struct.unpack('ii', b'1234567')", "struct.unpack_from('i', b'12', 1)",
    "struct.unpack_from('i', b'1234', 5)", "struct.unpack_from('i', b'1234', -5)",
    "struct.unpack_from('i', b'12345678', -4)", "struct.unpack_from('i', b'1234', offset=-4)",
    "struct.unpack_from('i', buffer=b'12345')", "struct.unpack_from('<h', bytearray(b'abcd'), 2)",
    "struct.pack_into('i', bytearray(3), 0, 1)", "struct.pack_into('i', bytearray(8), 6, 1)",
    "struct.pack_into('i', bytearray(8), -9, 1)", "struct.pack_into('i', b'1234', 0, 1)",
    "struct.pack_into('i')", "struct.pack_into('i', bytearray(4))", "struct.pack_into('ii', bytearray(8), 0, 1)",
    "struct.iter_unpack('i', b'123')", "struct.iter_unpack('', b'123')", "struct.Struct(1)",
    "struct.pack()", "struct.unpack('i', 'abcd')", "struct.Struct('i').pack_into(bytearray(8), 5, 1)",
    "struct.calcsize(3)",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

buf = bytearray(10)
struct.pack_into("<hh", buf, 2, 258, -1)
print(buf)
struct.pack_into("<h", buf, -2, 7)
print(buf)

s = struct.Struct("<2h")
print(s.format, s.size, s.pack(1, -2), s.unpack(b"\x01\x00\xfe\xff"), s.unpack_from(b"xx\x01\x00\x02\x00", 2))
print(struct.Struct(b"i").format, struct.Struct(format=">q").size)
it = struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")
print(type(it).__name__, it.__length_hint__(), next(it), list(it), it.__length_hint__())
print(list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
print(struct.Struct.__name__, struct._clearcache())
total = 0
for i in range(2000):
    total += struct.unpack("<I", struct.pack("<I", i * 2654435761 % 2**32))[0] % 1000
print(total)
m = memoryview(b"\x01\x00\x02\x00xx")
print(struct.unpack_from("<hh", m), struct.unpack("<hh", m[:4]), list(struct.iter_unpack("<h", m[:4])))
import array
print(struct.unpack("<2i", array.array("i", [7, -1])))
