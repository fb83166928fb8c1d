# Every protocol method raising: the exception reaches the caller
# unchanged (no panic, no wrong type), for each way Python invokes it.
class Boom(Exception):
    pass


def boom(*args):
    raise Boom(args[0].__class__.__name__ if args else "?")


names = ["__len__", "__bool__", "__iter__", "__next__", "__getitem__", "__setitem__",
         "__delitem__", "__contains__", "__hash__", "__eq__", "__lt__", "__add__",
         "__radd__", "__iadd__", "__neg__", "__call__", "__repr__", "__str__",
         "__format__", "__index__", "__int__", "__float__", "__enter__", "__exit__",
         "__getattr__", "__setattr__", "__delattr__", "__reversed__", "__round__"]
Evil = type("Evil", (), {n: boom for n in names})
e = Evil()
cases = [
    ("len", lambda: len(e)), ("bool", lambda: bool(e)), ("if", lambda: 1 if e else 0),
    ("iter", lambda: iter(e)), ("for", lambda: [x for x in e]), ("next", lambda: next(e)),
    ("getitem", lambda: e[0]), ("setitem", lambda: e.__class__.__setitem__(e, 0, 1)),
    ("delitem", lambda: e.__class__.__delitem__(e, 0)), ("in", lambda: 1 in e),
    ("hash", lambda: hash(e)), ("dict key", lambda: {e: 1}), ("==", lambda: e == 1),
    ("<", lambda: e < 1), ("+", lambda: e + 1), ("radd", lambda: 1 + e),
    ("neg", lambda: -e), ("call", lambda: e()), ("repr", lambda: repr(e)),
    ("str", lambda: str(e)), ("format", lambda: format(e, "")), ("f-string", lambda: f"{e}"),
    ("index", lambda: [1, 2][e]), ("int", lambda: int(e)), ("float", lambda: float(e)),
    ("with", lambda: exec("with e: pass", {"e": e})), ("getattr", lambda: e.missing),
    ("setattr", lambda: setattr(e, "x", 1)), ("delattr", lambda: delattr(e, "x")),
    ("reversed", lambda: reversed(e)), ("round", lambda: round(e)), ("print", lambda: print(e)),
    ("sorted", lambda: sorted([e, e])), ("list", lambda: list(e)), ("max", lambda: max(e)),
    ("set", lambda: {e}), ("%", lambda: "%s" % (e,)), ("range", lambda: range(e)),
]
for label, f in cases:
    try:
        f()
        print(label, "no error")
    except Boom as b:
        print(label, "Boom", b)
    except Exception as other:
        print(label, type(other).__name__, other)
