class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__, ev)
            return True
        return False

with Suppress(KeyError):
    {}["x"]
print("continued")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError escaped")

def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print(i, 1 / (i - 1))
    return "f done"
print(f())

class Exit:
    def __enter__(self):
        return "value"
    def __exit__(self, *a):
        print("exit args", a)
with Exit() as v:
    print(v)
def early():
    with Exit():
        return "early"
print(early())
