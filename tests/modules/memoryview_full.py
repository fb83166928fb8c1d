# memoryview as CPython 3.8: formats and cast, tolist, slicing with steps,
# comparisons, hex, release and the context manager, the shape attributes,
# views over bytearray (resizing while exported) and array.array, numbers
# parsed from views, and the error messages of every method and operator.
import array
from _support.outcome import show


def attrs(m):
    return (m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides,
            m.suboffsets, m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous)


m = memoryview(b"abcdefgh")
print(attrs(m), len(m), m.obj, m[0], m[-1], m.tolist())
print(m[::2].tolist(), m[1::3].tobytes(), m[::-1].tobytes(), m[5:1:-2].tolist())
print(attrs(m[::2]), attrs(m[::-1]))
print(bytes(m), bytes(m[2:5]), m.hex(), m[::2].hex(), memoryview(b"").hex())
print(m.hex(":"), m.hex("-", 3), m.hex(b"|", -3))
print(m == b"abcdefgh", m == bytearray(b"abcdefgh"), m == m[:], m != b"x", m == "abcdefgh")
print(m[2:4] == b"cd", m[::2] == b"aceg", m == memoryview(b"abcdefgh"))
print(hash(m) == hash(b"abcdefgh"), hash(m[::2]) == hash(b"aceg"))
print(float(memoryview(b"1.5")), int(memoryview(b"12")), float(memoryview(bytearray(b" 2e3 "))))
print(list(m[:3]), [x for x in memoryview(b"xy")], b"c" in m, 99 in m)
print(m.toreadonly().readonly, memoryview(bytearray(b"a")).toreadonly().readonly)

# Formats and cast.
raw = bytes(range(16))
c = memoryview(raw).cast("H")
print(attrs(c), c.tolist(), c[1], c[-1])
print(memoryview(raw).cast("i").tolist(), memoryview(raw).cast("q").tolist())
print(memoryview(raw).cast("b").tolist()[:3], memoryview(raw).cast("c").tolist()[:3])
print(memoryview(raw).cast("B", shape=[4, 4]).tolist())
print(attrs(memoryview(raw).cast("B", (2, 8))))
print(attrs(memoryview(raw).cast("H", [2, 2, 2])))
print(memoryview(raw).cast("H", [2, 2, 2]).tolist())
f = memoryview(array.array("d", [1.5, -2.0, 3.25]))
print(attrs(f), f.tolist(), f[1], f.cast("B").cast("d").tolist())
print(memoryview(b"\x00\x01\x02").cast("?").tolist(), memoryview(bytes(8)).cast("f").tolist())
show("cast e", lambda: memoryview(bytes(6)).cast("e"))
print(memoryview(raw).cast("@L")[0], memoryview(raw).cast("H").cast("B")[3])
md = memoryview(raw).cast("B", [4, 4])
print(md[1, 2], md[-1, -1], len(md))
print(memoryview(b"ab").cast("c")[0], memoryview(b"ab").cast("c").tobytes())

# Writing through views.
ba = bytearray(b"hello world")
w = memoryview(ba)
w[0] = 72
w[6:11] = b"WORLD"
w[1:5:2] = b"EL"
print(ba, w.readonly, w.obj is ba)
wh = memoryview(bytearray(8)).cast("h")
wh[0] = -2
wh[3] = 300
print(wh.tolist(), wh.obj)
wd = memoryview(bytearray(8)).cast("d")
wd[0] = 2.5
print(wd.tolist())
wc = memoryview(bytearray(b"xyz")).cast("c")
wc[1] = b"Q"
print(wc.tobytes())

# Views over array.array share its memory.
a = array.array("i", [1, 2, 3, 4])
va = memoryview(a)
print(attrs(va), va.tolist(), va[2])
va[0] = 100
print(a)
a[1] = 200
print(va.tolist(), va.cast("B").nbytes)
show("array append", lambda: a.append(5))
va.release()
a.append(5)
print(a)
ua = memoryview(array.array("u", "hi"))
print(ua.format, ua.itemsize, ua.tolist() if False else ua.nbytes)

# Resizing an exported bytearray.
buf = bytearray(b"abc")
v = memoryview(buf)
for label, op in [("append", lambda: buf.append(1)), ("extend", lambda: buf.extend(b"x")),
                  ("pop", lambda: buf.pop()), ("clear", lambda: buf.clear()),
                  ("insert", lambda: buf.insert(0, 1)), ("remove", lambda: buf.remove(97)),
                  ("del", lambda: buf.__delitem__(0)), ("slice", lambda: buf.__setitem__(slice(0, 1), b"xy")),
                  ("iadd", lambda: buf.__iadd__(b"x")), ("imul", lambda: buf.__imul__(2))]:
    show(label, op)
buf[0:1] = b"Z"
print(buf)
with memoryview(buf) as v2:
    show("inside with", lambda: buf.append(1))
print(repr(v2).startswith("<released memory at 0x"))
v.release()
buf.append(100)
print(buf)
sub = memoryview(bytearray(b"abc"))
sub2 = sub[1:]
show("release parent of slice", sub.release)
sub2.release()
sub.release()

# Released views.
r = memoryview(b"xyz")
r.release()
r.release()
print(repr(r).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
for name in ["tobytes", "tolist", "hex", "toreadonly", "__len__", "__enter__"]:
    show("released " + name, getattr(r, name))
for name in ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
             "suboffsets", "c_contiguous", "contiguous"]:
    show("released ." + name, lambda: getattr(r, name))
show("released [0]", lambda: r[0])
show("released cast", lambda: r.cast("B"))
show("released ==", lambda: r == b"xyz")
show("released == self", lambda: r == r)
show("released hash", lambda: hash(r))
with memoryview(b"q") as cm:
    print(cm.tobytes())
show("after with", lambda: cm[0])

# Error census.
ro = memoryview(b"abcdef")
rw = memoryview(bytearray(b"abcdef"))
cases = [
    ("memoryview()", lambda: memoryview()),
    ("memoryview(str)", lambda: memoryview("abc")),
    ("memoryview(int)", lambda: memoryview(1)),
    ("memoryview(list)", lambda: memoryview([1])),
    ("memoryview(b, x)", lambda: memoryview(b"a", 1)),
    ("memoryview(object=)", lambda: memoryview(object=b"ab").tobytes()),
    ("ro[0]=1", lambda: ro.__setitem__(0, 1)),
    ("del rw[0]", lambda: rw.__delitem__(0)),
    ("rw[10]", lambda: rw[10]),
    ("rw[-7]", lambda: rw[-7]),
    ("rw['a']", lambda: rw["a"]),
    ("rw[1.0]", lambda: rw[1.0]),
    ("rw[0,0]", lambda: rw[0, 0]),
    ("rw[...]", lambda: rw[...]),
    ("rw[()]", lambda: rw[()]),
    ("rw[0]=256", lambda: rw.__setitem__(0, 256)),
    ("rw[0]=-1", lambda: rw.__setitem__(0, -1)),
    ("rw[0]='a'", lambda: rw.__setitem__(0, "a")),
    ("rw[0]=b'a'", lambda: rw.__setitem__(0, b"a")),
    ("rw[0]=1.0", lambda: rw.__setitem__(0, 1.0)),
    ("rw[9]=1", lambda: rw.__setitem__(9, 1)),
    ("rw[0:2]=b'abc'", lambda: rw.__setitem__(slice(0, 2), b"abc")),
    ("rw[0:2]=[1,2]", lambda: rw.__setitem__(slice(0, 2), [1, 2])),
    ("rw[0:2]='ab'", lambda: rw.__setitem__(slice(0, 2), "ab")),
    ("rw['a']=1", lambda: rw.__setitem__("a", 1)),
    ("rw[...]=1", lambda: rw.__setitem__(..., 1)),
    ("cast()", lambda: rw.cast()),
    ("cast(1)", lambda: rw.cast(1)),
    ("cast('x')", lambda: rw.cast("x")),
    ("cast('<H')", lambda: rw.cast("<H")),
    ("cast('BB')", lambda: rw.cast("BB")),
    ("cast('I')", lambda: rw.cast("I")),
    ("cast H then I", lambda: rw.cast("H").cast("I")),
    ("cast shape bad", lambda: rw.cast("B", [4])),
    ("cast shape 0", lambda: rw.cast("B", [0, 6])),
    ("cast shape str", lambda: rw.cast("B", "ab")),
    ("cast shape int", lambda: rw.cast("B", 6)),
    ("cast ND->ND", lambda: rw.cast("B", [2, 3]).cast("B", [3, 2])),
    ("cast noncontig", lambda: rw[::2].cast("B")),
    ("cast many dims", lambda: rw.cast("B", [1] * 65)),
    ("tolist(1)", lambda: rw.tolist(1)),
    ("tobytes('X')", lambda: rw.tobytes("X")),
    ("tobytes('C')", lambda: rw.tobytes("C")),
    ("tobytes(order=None)", lambda: rw.tobytes(order=None)),
    ("tobytes(1)", lambda: rw.tobytes(1)),
    ("hex(1)", lambda: rw.hex(1)),
    ("hex('ab')", lambda: rw.hex("ab")),
    ("hex('é')", lambda: rw.hex("é")),
    ("release(1)", lambda: rw.release(1)),
    ("rw < rw", lambda: rw < rw),
    ("rw > b''", lambda: rw > b""),
    ("rw + b''", lambda: rw + b""),
    ("rw * 2", lambda: rw * 2),
    ("hash(rw)", lambda: hash(rw)),
    ("hash(ro.cast('H'))", lambda: hash(memoryview(b"abcd").cast("H"))),
    ("len nd", lambda: len(rw.cast("B", [2, 3]))),
    ("nd[0]", lambda: rw.cast("B", [2, 3])[0]),
    ("nd[0:1]", lambda: rw.cast("B", [2, 3])[0:1]),
    ("nd[5, 0]", lambda: rw.cast("B", [2, 3])[5, 0]),
    ("nd[0,0]=1", lambda: rw.cast("B", [2, 3]).__setitem__((0, 0), 7)),
    ("1d[0, 0]=1", lambda: rw.__setitem__((0, 0), 7)),
    ("iter", lambda: type(iter(rw)).__name__),
    ("0d", lambda: memoryview(b"abcd").cast("i", []).tolist()),
    ("0d[()]", lambda: memoryview(b"abcd").cast("i", [])[()]),
    ("0d len", lambda: len(memoryview(b"abcd").cast("i", []))),
    ("0d[0]", lambda: memoryview(b"abcd").cast("i", [])[0]),
    ("float(mv bad)", lambda: float(memoryview(b"x1"))),
    ("int(mv bad)", lambda: int(memoryview(b"1x"))),
    ("int(mv, 16)", lambda: int(memoryview(b"ff"), 16)),
    ("rw.foo", lambda: rw.foo),
    ("rw.format = 1", lambda: setattr(rw, "format", "B")),
    ("subclass", lambda: type("M", (memoryview,), {})),
    ("mv(mv)", lambda: memoryview(memoryview(b"ab")).tolist()),
    ("mv(mv released)", lambda: memoryview(r)),
    ("bytes(released)", lambda: bytes(r)),
    ("bytearray(mv)", lambda: bytearray(memoryview(b"ab"))),
    ("b'' + mv", lambda: b"x" + memoryview(b"ab")),
    ("b''.join", lambda: b"-".join([memoryview(b"ab"), b"c"])),
]
for label, f in cases:
    show(label, f)
