# Coroutine objects: send/throw/close, awaiting twice, awaiting
# non-awaitables, __await__ returning bad iterators, cr_ attributes.
import types


class Awaitable:
    def __await__(self):
        x = yield "from __await__"
        return x * 2


class BadAwait:
    def __await__(self):
        return [1, 2]


async def uses(a):
    return await a


c = uses(Awaitable())
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
for bad in (BadAwait(), 5, [1]):
    co = uses(bad)
    try:
        co.send(None)
    except TypeError as e:
        print("TypeError", e)


async def guarded():
    try:
        await Awaitable()
    except ValueError as e:
        print("caught", e)
        return "recovered"
    finally:
        print("guarded finally")


g = guarded()
g.send(None)
try:
    g.throw(ValueError("thrown in"))
except StopIteration as e:
    print("StopIteration", e.value)
g2 = guarded()
g2.send(None)
g2.close()
print(type(uses).__name__, type(g2).__name__)


async def inner():
    return 1


async def outer():
    co = inner()
    a = await co
    try:
        await co
    except RuntimeError as e:
        print("RuntimeError", e)
    return a


o = outer()
try:
    o.send(None)
except StopIteration as e:
    print("outer", e.value)
co = inner()
try:
    next(co)
except TypeError as e:
    print("TypeError", e)
co.close()
