# __exit__ gets (type, value, traceback); a true return suppresses the
# exception, a false one lets it go on; exceptions raised in __exit__
# replace the original and chain it.
class CM:
    def __init__(self, name, suppress=False, fail=False):
        self.name, self.suppress, self.fail = name, suppress, fail

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        if self.fail:
            raise RuntimeError("exit failed in " + self.name)
        return self.suppress


with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c", suppress=0):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))
try:
    with CM("d", fail=True):
        raise ValueError("original")
except RuntimeError as e:
    print("caught", e, "context:", repr(e.__context__))
with CM("outer", suppress=True), CM("inner"):
    raise IndexError("through inner, stopped by outer")
print("after nested")


def early_return():
    with CM("ret"):
        return "returned"


print(early_return())
for i in range(3):
    with CM("loop%d" % i, suppress=True):
        if i == 1:
            continue
        if i == 2:
            break
        1 / 0
print("loop done")
