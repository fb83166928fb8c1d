# os and os.path (posixpath) on strings, bytes and PathLike objects; the
# environment; nothing that depends on the working directory's absolute path.
import os
import os.path
import sys

print(os.name, os.sep, os.curdir, os.pardir, os.extsep, os.altsep, repr(os.linesep), os.pathsep, os.devnull)
print(os.path is sys.modules["os.path"], os.path.__name__)
p = os.path
for args in [("a", "b", "c"), ("/a", "b"), ("a", "/b", "c"), ("a/", "b"), ("", "x"), ("a", "")]:
    print("join", args, p.join(*args))
for path in ["a/b/c.txt", "/x", "x", "a/b/", "/", "", "a.tar.gz", ".bashrc", "a/.b.c", "//a//b"]:
    print(repr(path), p.split(path), p.splitext(path), p.basename(path), p.dirname(path), p.isabs(path))
for path in ["a/./b/../c", "/../x", "//x//y/", "", ".", "a/..", "../../a", "///a"]:
    print("normpath", repr(path), repr(p.normpath(path)))
print(p.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), p.commonpath(["/usr/lib", "/usr/local"]))
print(p.relpath("a/b/c", "a"), p.relpath("a", "a/b/c"), p.relpath("x/y", "x/y"))
print(p.join(b"a", b"b"), p.split(b"a/b"), p.splitext(b"x.y"), p.normpath(b"a//b/../c"))
print(p.abspath("x") == p.join(os.getcwd(), "x"), p.isabs(p.abspath(".")))
print(os.getcwd() == os.fsdecode(os.getcwdb()))


class Where:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


print(os.fspath(Where("w/x")), p.join(Where("a"), "b"), p.basename(Where("q/r.py")))
print(isinstance(Where("a"), os.PathLike), isinstance("a", os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
print(os.fsencode("héllo"), os.fsdecode(b"h\xc3\xa9llo"))

print(p.exists("os_path.py"), p.isfile("os_path.py"), p.isdir("os_path.py"))
print(p.exists("."), p.isdir("."), p.exists("no_such_thing"), p.isfile("no_such_thing"))
print(p.islink("os_path.py"), p.lexists("os_path.py"), p.getsize("os_path.py") > 100)
print(p.samefile("os_path.py", "./os_path.py"), p.ismount("/"))

os.environ["TACHYON_OS_PATH_TEST"] = "value=1"
print(os.environ["TACHYON_OS_PATH_TEST"], os.getenv("TACHYON_OS_PATH_TEST"))
print(os.environb[b"TACHYON_OS_PATH_TEST"], "TACHYON_OS_PATH_TEST" in os.environ)
del os.environ["TACHYON_OS_PATH_TEST"]
print(os.environ.get("TACHYON_OS_PATH_TEST", "gone"), os.getenv("TACHYON_OS_PATH_TEST"))
print("PATH" in os.environ, isinstance(os.environ.copy(), dict))
try:
    os.environ["TACHYON_NOT_SET_ANYWHERE"]
except KeyError as e:
    print("KeyError", e)
print(p.expanduser("no_tilde"))
print(type(os.stat_result).__name__, os.stat_result.__name__, os.error is OSError)
print(callable(os.walk), callable(os.makedirs), callable(os.scandir), os.supports_bytes_environ)
