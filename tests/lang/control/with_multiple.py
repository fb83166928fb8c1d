class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False

with CM("a") as a, CM("b") as b, CM("c") as c:
    print(a, b, c)
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("body never")
except RuntimeError as e:
    print("caught", e)
try:
    with CM("p") as p:
        with CM("q") as q:
            raise KeyError("inner")
except KeyError as e:
    print("caught", repr(e))
