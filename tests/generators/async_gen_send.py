# Async generators driven by hand with send(), as an event loop would.
import types


@types.coroutine
def suspend(tag):
    # A bare yield that passes through the async generator to the driver.
    got = yield ("suspend", tag)
    return got


async def ticker(n):
    for i in range(n):
        got = await suspend(i)
        print("ticker resumed with", got)
        yield i * 10
    print("ticker done")


def drive(coro, feed=None):
    """Runs an awaitable to completion, answering every suspension."""
    value = None
    while True:
        try:
            out = coro.send(value)
        except StopIteration as e:
            return ("stop", e.value)
        except StopAsyncIteration:
            return ("stop-async",)
        print("  driver saw", out)
        value = feed(out) if feed else None


agen = ticker(3)
print(type(agen).__name__, agen.__aiter__() is agen)
aw = agen.__anext__()
print(type(aw).__name__)
print(drive(aw, lambda out: out[1] + 100))
print(drive(agen.__anext__(), lambda out: "x"))
print(drive(agen.asend(None)))
print(drive(agen.__anext__()))
print(drive(agen.__anext__()))


async def echo():
    received = yield "first"
    while True:
        received = yield "got %r" % (received,)


e = echo()
print(drive(e.asend(None)))
print(drive(e.asend(1)))
print(drive(e.asend("two")))
try:
    e.asend(5).send(None)
except StopIteration as s:
    print("StopIteration", s.value)

# Sending a non-None value to a fresh generator.
fresh = echo()
try:
    fresh.asend(3).send(None)
except TypeError as err:
    print("TypeError", err)

# An awaitable that finished raises StopIteration when driven again.
g = echo()
a = g.asend(None)
print(drive(a))
try:
    a.send(None)
except StopIteration as s:
    print("again:", repr(s.value))

# __next__ on the awaitable, and throw() into it.
g = echo()
a = g.__anext__()
try:
    next(a)
except StopIteration as s:
    print("next ->", s.value)
a = g.__anext__()
try:
    a.throw(ValueError("boom"))
except ValueError as err:
    print("thrown through:", err)


async def empty():
    return
    yield


try:
    empty().__anext__().send(None)
except StopAsyncIteration as s:
    print("StopAsyncIteration", s.args)
