# pathlib over real files: its accessor keeps os functions as class
# attributes, which must not bind as methods (C functions do not).
import os
import pathlib
import shutil
import tempfile


class Accessor:
    listdir = os.listdir
    stat = os.stat
    getcwd = os.getcwd


root = pathlib.Path(tempfile.mkdtemp())
print(Accessor().listdir(str(root)), Accessor.stat(str(root)).st_size >= 0)
print(type(Accessor().getcwd()).__name__)

(root / "sub").mkdir()
(root / "sub" / "deep").mkdir(parents=True, exist_ok=True)
for name in ["b.txt", "a.txt", "c.py", "sub/d.txt", "sub/deep/e.py"]:
    (root / name).write_text("content of " + name + "\n")
print(sorted(p.name for p in root.iterdir()))
print(sorted(str(p.relative_to(root)) for p in root.glob("*.txt")))
print(sorted(str(p.relative_to(root)) for p in root.rglob("*.py")))
p = root / "a.txt"
print(p.exists(), p.is_file(), p.is_dir(), p.stat().st_size, p.suffix, p.stem)
print(repr(p.read_text()), p.read_bytes()[:7])
q = p.rename(root / "renamed.txt")
print(p.exists(), (root / "renamed.txt").exists())
(root / "renamed.txt").unlink()
print(sorted(p.name for p in root.iterdir()))
print(pathlib.PurePosixPath("/usr/lib/python3.8/os.py").parts)
print(os.path.getsize(root / "b.txt"), os.access(root / "b.txt", os.R_OK))
try:
    os.rename(3.5, "x")
except TypeError as e:
    print("TypeError", e)


class BadPath:
    def __fspath__(self):
        return 42


try:
    os.unlink(BadPath())
except TypeError as e:
    print("TypeError", e)
print(pathlib.PurePosixPath("a/b/../c.tar.gz").suffixes, pathlib.PurePosixPath("a") / "b" / "c")
with (root / "b.txt").open() as f:
    print(f.readline().strip())

shutil.rmtree(str(root))
print(root.exists())
