for exc in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), StopIteration(5), SystemExit(3), IndexError(None)]:
    print(type(exc).__name__, repr(exc), "|", str(exc), "|", exc.args)
e = StopIteration(7)
print(e.value)
print(repr(OSError("x")))
