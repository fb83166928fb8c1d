# Exceptions pickle and copy as CPython's BaseException.__reduce__ takes them
# apart: (type, args) plus the instance dict; OSError puts its filenames back
# into the args, ImportError its name and path into the state.
import copy
import pickle

FIELDS = ["args", "errno", "strerror", "filename", "filename2", "msg", "name", "path",
          "lineno", "offset", "text", "encoding", "object", "start", "end", "reason",
          "value", "code", "extra"]


def show(e):
    parts = [type(e).__name__, repr(str(e))]
    for f in FIELDS:
        if hasattr(e, f):
            parts.append("%s=%r" % (f, getattr(e, f)))
    return " ".join(parts)


samples = [
    BaseException(),
    Exception("one"),
    ValueError(1, 2),
    KeyError("k"),
    OSError(2, "No such file"),
    OSError(2, "No such file", "a.txt"),
    OSError(17, "exists", "a", None, "b"),
    PermissionError("plain message"),
    SyntaxError("bad", ("f.py", 3, 4, "x = (")),
    SyntaxError("only message"),
    ImportError("no module"),
    ImportError("no module", name="mod", path="/p/mod.py"),
    ModuleNotFoundError("gone", name="gone"),
    UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    UnicodeEncodeError("ascii", "\xe9", 0, 1, "ordinal not in range"),
    UnicodeTranslateError("\xe9", 0, 1, "no translation"),
    StopIteration(5),
    SystemExit(3),
    RecursionError("deep"),
]

for e in samples:
    print(show(e))
    r = e.__reduce__()
    print("  reduce:", r[0].__name__, r[1:])
    # bytes pickle through codecs.encode below protocol 3: not this test's subject.
    first = 3 if any(isinstance(a, bytes) for a in e.args) else 0
    for proto in range(first, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(e, proto))
        if show(back) != show(e):
            print("  pickle", proto, "differs:", show(back))
    print("  copy:", show(copy.copy(e)))
    print("  deepcopy:", show(copy.deepcopy(e)))

# Attributes set on the instance travel in the state.
e = ValueError("with extra")
e.extra = [1, 2]
r = e.__reduce__()
print(r[0].__name__, r[1], r[2])
back = pickle.loads(pickle.dumps(e))
print(show(back), back.extra)
d = copy.deepcopy(e)
print(d.extra, d.extra is e.extra)

ie = ImportError("m", name="n")
ie.extra = 1
print(sorted(ie.__reduce__()[2].items()))

# A subclass with its own constructor arguments.
class MyError(Exception):
    def __init__(self, a, b=0):
        super().__init__(a, b)
        self.total = a + b

m = MyError(2, 3)
back = pickle.loads(pickle.dumps(m))
print(type(back).__name__, back.args, back.total)

# __setstate__ takes a dict (or None) and sets attributes from it.
e = Exception()
e.__setstate__({"x": 1})
e.__setstate__(None)
print(e.x)
try:
    e.__setstate__(5)
except TypeError as t:
    print("TypeError:", t)
try:
    e.__reduce__(1)
except TypeError as t:
    print("TypeError:", t)
for a in [("x",), (1,2,3), ("m", ("f", 1)), ("m", 5)]:
    try:
        print(repr(SyntaxError(*a)), SyntaxError(*a).msg)
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    Exception().__setstate__({1: 2})
except TypeError as e:
    print("TypeError:", e)
