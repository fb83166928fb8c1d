# An exception escaping an async generator that an async for drives:
# the traceback runs through the coroutine and the generator frames.
async def source():
    yield 1
    yield {}["missing"]


async def consume():
    total = 0
    async for v in source():
        total += v
    return total


coro = consume()
coro.send(None)
