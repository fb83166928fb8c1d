# _io.open over descriptors (os.open, os.pipe, 1), opener, closefd;
# uuid and tempfile, which need them; sys.audit hooks.
import os
import sys
import tempfile
import uuid

d = tempfile.mkdtemp()
print(os.path.isdir(d))
path = os.path.join(d, "x.txt")
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
with open(fd, "w") as f:
    f.write("hi\n")
    print(f.name == fd, f.seekable())
with open(path) as f:
    print(repr(f.read()))
r, w = os.pipe()
os.write(w, b"abc")
os.close(w)
with open(r, "rb") as f:
    print(f.read(), f.seekable())
try:
    os.close(r)
except OSError as e:
    print(e)
try:
    open(987)
except OSError as e:
    print(e)
try:
    open(-1)
except ValueError as e:
    print(e)
try:
    open(path, closefd=False)
except ValueError as e:
    print(e)
fd = os.open(path, os.O_RDONLY)
f = open(fd, "rb", closefd=False)
print(f.read())
f.close()
print(os.read(fd, 10), os.lseek(fd, 0, 0), os.read(fd, 2))
os.close(fd)
seen = []
with open(path, opener=lambda p, flags: seen.append(flags & 3) or os.open(p, flags)) as f:
    print(repr(f.read()), seen)
with tempfile.TemporaryFile() as f:
    f.write(b"xyz")
    f.seek(0)
    print(f.read())
with tempfile.NamedTemporaryFile("w+", dir=d, delete=False) as f:
    f.write("named")
print(open(f.name).read())
os.unlink(f.name)
os.unlink(path)
os.rmdir(d)
print(uuid.UUID("12345678123456781234567812345678"), uuid.uuid4().version)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "x"))
sys.stdout.flush()
out = open(1, "w", closefd=False)
out.write("to fd 1\n")
out.close()
print("after")
sys.addaudithook(lambda event, args: print("hook", event, args) if event.startswith("my.") else None)
sys.audit("my.event", 1, "x")
sys.audit("other")
try:
    sys.audit(5)
except TypeError as e:
    print(e)
