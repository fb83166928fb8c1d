# Async generators under a small round-robin event loop: async for, async
# comprehensions, await inside the generator, aclose, break out of a loop,
# and asyncgen hooks as asyncio installs them.
import sys
import types


@types.coroutine
def sleep(tag=None):
    yield ("sleep", tag)


def run(main):
    """Runs coroutine `main` and any tasks it spawns, round robin."""
    ready = [main]
    result = None
    while ready:
        task = ready.pop(0)
        try:
            task.send(None)
        except StopIteration as e:
            if task is main:
                result = e.value
            continue
        ready.append(task)
    return result


async def countdown(n):
    while n > 0:
        await sleep(n)
        yield n
        n -= 1


async def squares(agen):
    async for x in agen:
        yield x * x


async def main():
    async for v in countdown(3):
        print("countdown", v)
    print([x async for x in countdown(4)])
    print([y async for y in squares(countdown(3)) if y > 1])
    print({x: x + 1 async for x in countdown(2)})
    print(sorted({x async for x in countdown(3)}))
    gen = (x * 2 async for x in countdown(3))
    print(type(gen).__name__, [v async for v in gen])

    agen = countdown(5)
    async for v in agen:
        if v == 3:
            break
    print("after break")
    print(await agen.__anext__())
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("closed")

    async def failing():
        yield 1
        raise ValueError("inside")

    try:
        async for v in failing():
            print("got", v)
    except ValueError as e:
        print("ValueError", e)

    async def with_finally():
        try:
            yield "a"
            yield "b"
        finally:
            await sleep()
            print("finally runs")

    g = with_finally()
    print(await g.asend(None))
    await g.aclose()

    async def nested():
        async for a in countdown(2):
            async for b in countdown(2):
                yield (a, b)

    print([p async for p in nested()])
    return "main done"


seen = []
old = sys.get_asyncgen_hooks()
print(tuple(old))
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(g.__name__ if hasattr(g, "__name__") else "?"))
print(run(main()))
print(len(seen) > 0)
sys.set_asyncgen_hooks(*old)
print(tuple(sys.get_asyncgen_hooks()))
try:
    sys.set_asyncgen_hooks(firstiter=5)
except TypeError as e:
    print("TypeError", e)


async def ag():
    yield 1


a = ag()
try:
    next(a)
except TypeError as e:
    print("TypeError", e)
try:
    iter(a)
except TypeError as e:
    print("TypeError", e)
