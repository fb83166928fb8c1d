# io.BytesIO as CPython 3.8's C type: class layout, reads into buffers,
# seeks with their errors, exported buffers refusing resizes, closed
# objects, pickling and copying, and subclasses.
import copy
import io
import pickle


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


B = io.BytesIO
print(B.__mro__, B.__module__, B.__name__)
print(issubclass(B, io.BufferedIOBase), isinstance(B(), io.IOBase))

attempt("str initial", lambda: B("x"))
attempt("int initial", lambda: B(1))
attempt("None initial", lambda: B(None).getvalue())
attempt("bytearray initial", lambda: B(bytearray(b"ab")).getvalue())
attempt("memoryview initial", lambda: B(memoryview(b"ab")).getvalue())
attempt("keyword", lambda: B(initial_bytes=b"q").getvalue())
attempt("too many", lambda: B(b"a", 1))
attempt("bad keyword", lambda: B(data=b"a"))

b = B(b"hello\nworld\nlast")
print(b.read(2), b.read1(2), b.read1(), b.tell())
b.seek(0)
print(b.readline(), b.readline(3), b.readline(-1), b.readline(None), b.readline())
b.seek(0)
print(b.readlines(), b.seek(0), b.readlines(7), b.readlines(None))
b.seek(0)
print(list(b), next(B(b"x\ny")), iter(b) is b)
buf = bytearray(4)
b.seek(3)
print(b.readinto(buf), buf, b.readinto1(buf), buf, b.tell())
b.seek(-2, 2)
print(b.readinto(memoryview(buf)), buf, b.readinto(bytearray(0)))
b.seek(0)
print(b.read(None), b.read(), b.read(0), b.read(-5))
print(b.seek(3), b.seek(2, 1), b.seek(-1, 1), b.seek(-100, 1), b.seek(-3, 2), b.seek(-100, 2))
print(b.seek(50), b.read(), b.tell(), b.getvalue()[-4:])
print(b.write(b"!"), b.getvalue(), b.tell())
b.seek(2)
print(b.write(bytearray(b"XY")), b.write(memoryview(b"Z")), b.getvalue()[:8], b.tell())
print(b.truncate(8), b.getvalue(), b.tell())
print(b.truncate(), b.getvalue(), b.tell())
print(b.truncate(None), b.truncate(100), b.getvalue())
b.seek(0, 2)
b.writelines([b"a", bytearray(b"b"), memoryview(b"c")])
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
import array
b.write(array.array("h", [1, 2]))
print(b.getvalue()[-6:], b.tell())
with B(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed)

b = B(b"abcdef")
for label, f in [
    ("float seek", lambda: b.seek(1.5)),
    ("whence 3", lambda: b.seek(1, 3)),
    ("negative seek", lambda: b.seek(-1)),
    ("huge seek", lambda: b.seek(2 ** 70)),
    ("float read", lambda: b.read(1.5)),
    ("float read1", lambda: b.read1(1.5)),
    ("str readline", lambda: b.readline("1")),
    ("negative truncate", lambda: b.truncate(-1)),
    ("float truncate", lambda: b.truncate(1.0)),
    ("str write", lambda: b.write("x")),
    ("int write", lambda: b.write(5)),
    ("bytes readinto", lambda: b.readinto(b"xx")),
    ("int readinto", lambda: b.readinto(5)),
    ("fileno", lambda: b.fileno()),
    ("detach", lambda: b.detach()),
    ("state", lambda: b.__getstate__()),
    ("setstate int", lambda: b.__setstate__(1)),
    ("setstate neg", lambda: b.__setstate__((b"a", -1, None))),
    ("setstate str", lambda: b.__setstate__(("a", 0, None))),
    ("setstate float", lambda: b.__setstate__((b"a", 0.0, None))),
    ("setstate dict", lambda: b.__setstate__((b"a", 0, 5))),
    ("setstate attrs", lambda: (b.__setstate__((b"xyz", 1, {"x": 1})), b.x, b.read())),
    ("str writelines", lambda: b.writelines(["s"])),
]:
    attempt(label, f)

# An exported buffer: writes through the view land in the BytesIO, and
# resizing while it is held is a BufferError.
b = B(b"abcdef")
v = b.getbuffer()
print(type(v).__name__, len(v), v.readonly, bytes(v))
v[0] = ord("Z")
print(b.getvalue())
for label, f in [
    ("write", lambda: b.write(b"x")),
    ("writelines", lambda: b.writelines([b"x"])),
    ("truncate", lambda: b.truncate(0)),
    ("seek", lambda: b.seek(0)),
    ("read", lambda: b.read(1)),
    ("close", lambda: b.close()),
    ("setstate", lambda: b.__setstate__((b"a", 0, None))),
    ("second view", lambda: bytes(b.getbuffer())),
]:
    attempt(label, f)
v.release()
attempt("write after release", lambda: b.write(b"x"))
print(b.getvalue())
with b.getbuffer() as w:
    w[1:3] = b"!!"
print(b.getvalue(), b.write(b"more"), b.getvalue())

b.close()
for name in ["read", "read1", "readline", "tell", "getvalue", "getbuffer", "readable",
             "writable", "seekable", "isatty", "flush", "readlines", "__next__", "__getstate__", "truncate", "detach", "close"]:
    attempt(name, getattr(b, name))
attempt("iter", lambda: iter(b) is b)
attempt("enter", lambda: b.__enter__())
attempt("write", lambda: b.write(b"x"))
attempt("writelines", lambda: b.writelines([b"x"]))
attempt("readinto", lambda: b.readinto(bytearray(1)))
attempt("seek", lambda: b.seek(0))
attempt("closed", lambda: b.closed)
attempt("setstate closed", lambda: b.__setstate__((b"a", 0, None)))

# Pickling and copying.
b = B(b"payload")
b.read(3)
b.tag = ["t"]
for proto in range(2):
    attempt("protocol %d" % proto, lambda: pickle.dumps(b, proto))
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(b, proto))
    print(proto, type(t).__name__, t.getvalue(), t.tell(), t.tag, t.read())
for t in (copy.copy(b), copy.deepcopy(b)):
    t.write(b"!")
    print(t.getvalue(), t.tell(), t.tag, b.getvalue())


class Reader(io.BytesIO):
    def __init__(self, data, name):
        super().__init__(data * 2)
        self.name = name

    def read(self, size=-1):
        return super().read(size).upper()

    def readline(self, size=-1):
        return b"<" + super().readline(size) + b">"


r = Reader(b"ab\n", "r1")
print(type(r).__name__, r.name, r.read(2), r.getvalue(), isinstance(r, io.BytesIO))
r.seek(0)
print(list(r), r.readlines())
r2 = pickle.loads(pickle.dumps(r))
print(type(r2).__name__, r2.getvalue(), r2.name, r2.tell())


class Plain(io.BytesIO):
    pass


p = Plain(b"z")
p.extra = 1
print(p.read(), vars(p), Plain.__mro__[1:])


class NoInit(io.BytesIO):
    def __init__(self):
        pass


n = NoInit()
print(n.write(b"ok"), n.getvalue())

big = B()
for i in range(3000):
    big.write(b"%d," % i)
data = big.getvalue()
print(len(data), data[:20], data[-20:], big.tell())
big.seek(10)
print(big.read(6), big.tell(), B(b"\x00\xff" * 3).read())
