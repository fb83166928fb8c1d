class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)

with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)

with CM("x") as x, CM("y") as y:
    print(x, y)

def f():
    with CM("ret"):
        return "returned"
print(f())

for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except AttributeError as e:
    print("AttributeError", e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("inner")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)

with CM("t") as (p):
    pass
class Tup:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Tup() as (a, b):
    print(a, b)
