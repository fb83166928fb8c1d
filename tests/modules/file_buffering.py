# Buffered file writes: a file dropped without close() reads back whole
# (CPython closes it when its last reference goes), at exit too; flush,
# tell, seek, append and the buffering argument behave as CPython's.
import os
import subprocess
import sys
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "out.txt")


def write_unclosed(p, lines, mode="w"):
    f = open(p, mode)
    for i in range(lines):
        f.write("line %d\n" % i if "b" not in mode else b"row %d\n" % i)


write_unclosed(path, 50)
print(len(open(path).read().splitlines()))
write_unclosed(path, 30)
print(os.path.getsize(path))
write_unclosed(path, 2000, "wb")
with open(path, "rb") as f:
    print(len(f.read()))
write_unclosed(path, 5, "a")
print(open(path, "rb").read()[-14:])

with open(path, "w") as f:
    for i in range(3000):
        print(i, "x" * (i % 13), file=f)
    print(f.tell())
with open(path) as f:
    lines = f.readlines()
print(len(lines), lines[-1])

f = open(path, "w+")
f.write("hello world\n")
print(f.tell())
f.seek(0)
print(repr(f.read()))
f.seek(6)
f.write("there")
f.seek(0)
print(repr(f.readline()))
f.close()

g = open(path, "w")
g.write("abc")
g.flush()
with open(path) as r:
    print(repr(r.read()))
g.write("def")
g.close()
print(repr(open(path).read()))

raw = open(path, "wb", buffering=0)
raw.write(b"unbuffered")
print(os.path.getsize(path))
raw.close()
lb = open(path, "w", buffering=1)
lb.write("one\ntwo")
with open(path) as r:
    print(repr(r.read()))
lb.close()
try:
    open(path, "w", buffering=0)
except ValueError as e:
    print("ValueError", e)

child = "f = open(%r, 'w')\nfor i in range(1000):\n    f.write('%%d,' %% i)\n" % path
subprocess.run([sys.executable, "-c", child], check=True)
text = open(path).read()
print(len(text), text[-8:])

closed = open(path, "w")
closed.close()
for call in (lambda: closed.write("x"), closed.flush, closed.tell):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)

for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
