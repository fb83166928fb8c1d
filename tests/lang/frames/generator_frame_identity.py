# gen.gi_frame / coro.cr_frame: the same frame object for the generator's
# whole life (before it starts, while suspended, while it runs: it is then
# what sys._getframe() gives inside), None once it has finished.
import sys
import types


def gen_func():
    me = sys._getframe()
    yield me
    x = 5
    yield x
    return (yield 2)


g = gen_func()
f0 = g.gi_frame
print(f0 is g.gi_frame, f0.f_lineno, f0.f_code.co_name, type(f0).__name__)
inner = next(g)
print(inner is f0, g.gi_frame is f0, f0.f_lineno)
next(g)
print(g.gi_frame is f0, f0.f_lineno, f0.f_locals["x"])
next(g)
try:
    g.send("done")
except StopIteration as e:
    print("stopped", e.value)
print(g.gi_frame, f0.f_code.co_name)


def watcher():
    # gi_frame read while the generator runs is its running frame.
    frame = yield
    yield frame is sys._getframe(), frame.f_lineno


w = watcher()
next(w)
print(w.send(w.gi_frame))
print(w.gi_frame is w.gi_frame)
w.close()
print(w.gi_frame)

# a frame taken inside first, then gi_frame
def taker():
    yield sys._getframe()
    yield 1


t = taker()
fr = next(t)
print(fr is t.gi_frame)
list(t)
print(t.gi_frame)


async def coro_func():
    await types.coroutine(lambda: (yield 1))()
    return 7


c = coro_func()
cf = c.cr_frame
print(cf is c.cr_frame, cf.f_code.co_name)
c.send(None)
print(c.cr_frame is cf)
try:
    c.send(None)
except StopIteration as e:
    print("coro result", e.value)
print(c.cr_frame)


# types.coroutine's wrapper shows the wrapped generator's attributes.
def gen2():
    yield 1
    return (yield 2)


g2 = gen2()


@types.coroutine
def foo():
    return g2


for name in ("__name__", "__qualname__", "gi_code", "gi_running", "gi_frame"):
    print(name, getattr(foo(), name) is getattr(g2, name))

# generators closed before they start have no frame either
g3 = gen2()
print(g3.gi_frame is not None)
g3.close()
print(g3.gi_frame)
