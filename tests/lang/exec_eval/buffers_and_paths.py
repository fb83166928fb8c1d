# compile(), exec() and eval() take any bytes-like source (bytearray,
# memoryview, array); compile() takes a file name as str, bytes, an
# os.PathLike or (with a DeprecationWarning) another buffer; dir() in code
# run with a mapping for locals lists that mapping's keys().
import array
import warnings


class FakePath:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


print("-- sources")
print(eval(compile(bytearray(b"1 + 2"), "<b>", "eval")))
print(eval(compile(memoryview(b"$23$")[1:-1], "<m>", "eval")))
print(eval(memoryview(b"1234")[1:-1]))
ns = {}
exec(memoryview(b"ax = 123")[1:-1], ns)
print(ns["x"])
exec(bytearray(b"y = 'from bytearray'"), ns)
print(ns["y"])
print(eval(compile(array.array("b", b"40 + 2"), "<a>", "eval")))
for bad in ["123\x00", memoryview(b"123\x00"), bytearray(b"1\x002")]:
    try:
        compile(bad, "<dummy>", "eval")
    except ValueError as e:
        print(type(bad).__name__, "ValueError:", e)
for bad in [42, [1, 2], None]:
    for run in (lambda s: compile(s, "<dummy>", "eval"), exec, eval):
        try:
            run(bad)
        except TypeError as e:
            print("TypeError:", e)

print("-- file names")
for name in "file.py", b"file.py", FakePath("fake.py"), FakePath(b"fakeb.py"):
    print(compile("pass", name, "exec").co_filename)
for name in bytearray(b"ba.py"), memoryview(b"mv.py"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = compile("pass", name, "exec")
    print(code.co_filename, [(w.category.__name__, str(w.message)) for w in caught])
for name in list(b"file.py"), 3.5, FakePath(7), "a\x00b":
    try:
        compile("pass", name, "exec")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    compile("1 +", FakePath("broken.py"), "exec")
except SyntaxError as e:
    print("SyntaxError in", e.filename)


print("-- dir() with a mapping for locals")


class M:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.results = (key, value)

    def keys(self):
        return list("zyx")


m = M()
exec("z = dir()", globals(), m)
print(m.results)
exec("z = a", globals(), m)
print(m.results)


class TupleKeys(M):
    def keys(self):
        return ("b", "a")


m = TupleKeys()
exec("z = dir()", globals(), m)
print(m.results)


class BadKeys:
    def __init__(self, keys):
        self._keys = keys

    def __getitem__(self, item):
        raise KeyError(item)

    def keys(self):
        return self._keys


for keys in 1, ["a", 1]:
    try:
        eval("dir()", globals(), BadKeys(keys))
    except TypeError as e:
        print("TypeError:", e)

class D(dict):
    def keys(self):
        return list("xyz")


print(eval("dir()", globals(), D(q=1)))
