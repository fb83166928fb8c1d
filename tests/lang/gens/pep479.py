# PEP 479: StopIteration raised inside a generator becomes RuntimeError
# (with the original as __cause__); a return ends it cleanly.
def leaky():
    yield 1
    raise StopIteration("leak")


try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError", e, "cause", repr(e.__cause__))


def next_on_empty():
    it = iter([])
    yield next(it)


try:
    list(next_on_empty())
except RuntimeError as e:
    print("RuntimeError", e)


def guarded():
    it = iter([1])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return
        yield v


print(list(guarded()))
g = (next(iter([])) for _ in range(1))
try:
    list(g)
except RuntimeError as e:
    print("genexpr RuntimeError", e)


def subclass():
    class MyStop(StopIteration):
        pass
    yield 0
    raise MyStop


try:
    list(subclass())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
print(list(map(lambda x: next(iter([])), [1])))
print(list(map(lambda x: next(iter([])), [])))
