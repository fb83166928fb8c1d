# open(): text and binary files, lines, newlines, modes and errors.
import _io
import time


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# A fresh file in /tmp: the plain and GC-stress runs may overlap.
name = "/tmp/_tachyon_open_files_%d.tmp" % time.time_ns()
with open(name, "w") as f:
    print(f.write("héllo\nworld\n"), f.closed, f.name == name, f.mode, f.encoding, f.writable(), f.readable())
    f.writelines(["a\n", "b"])
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readline(), f.readline(end="") if False else f.readline(), f.readlines())
with open(name, encoding="utf-8") as f:
    print([line for line in f])
with open(name) as f:
    print(f.read(3), f.read(4), f.read(), repr(f.read()))
with open(name, "a") as f:
    f.write("\nappended")
with open(name, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, f.mode)
with open(name, "rb") as f:
    print(f.readline(), f.read(2), f.tell(), f.seek(0), f.read(5), list(f))
with open(name, "wb") as f:
    print(f.write(b"x\r\ny\rz\n"), f.write(bytearray(b"!")))
with open(name) as f:
    print(repr(f.read()))
with open(name, newline="") as f:
    print(repr(f.read()), repr(open(name, newline="").readlines()))
with open(name, "w", newline="\r\n") as f:
    f.write("one\ntwo\n")
print(open(name, "rb").read())
with open(name, "r+") as f:
    print(f.read(), f.seek(0), f.write("ONE"))
print(open(name).read().split())
with open(name, "w", encoding="latin-1") as f:
    f.write("é")
print(open(name, "rb").read(), open(name, encoding="latin-1").read())
show("decode error", lambda: open(name).read())
show("missing", lambda: open("no_such_file.txt"))
show("bad mode", lambda: open(name, "rz"))
show("two modes", lambda: open(name, "rw"))
show("text binary", lambda: open(name, "rbt"))
show("binary encoding", lambda: open(name, "rb", encoding="utf-8"))
show("bad newline", lambda: open(name, "r", newline="x"))
show("bad type", lambda: open(3.5))
f = open(name)
f.close()
show("closed read", lambda: f.read())
show("closed iter", lambda: iter(f))
show("write str to binary", lambda: open(name, "wb").write("x"))
show("write bytes to text", lambda: open(name, "w").write(b"x"))
show("read from write-only", lambda: open(name, "w").read())
try:
    open(name, "x")
except OSError as e:
    print("exclusive", type(e).__name__)
show("directory", lambda: open("."))
s = _io.StringIO("a\nb\nc")
print(s.readline(), s.read(), s.tell(), s.seek(0), list(s), s.getvalue())
s = _io.StringIO()
s.write("hello")
s.seek(1)
s.write("EL")
print(s.getvalue(), s.tell())
b = _io.BytesIO(b"xyz\nw")
print(b.readline(), b.read(), b.seek(1), b.write(b"Q"), b.getvalue())

# The file stays in /tmp: removing it needs os, which costs a lot to import.
