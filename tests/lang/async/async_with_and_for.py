# async with and async for with hand-written protocol objects, driven by
# send(); errors for objects that lack the protocol.
import types


@types.coroutine
def tick(label):
    got = yield label
    return got


class Resource:
    async def __aenter__(self):
        print("aenter", await tick("enter"))
        return self

    async def __aexit__(self, typ, val, tb):
        print("aexit", typ.__name__ if typ else None, await tick("exit"))
        return typ is KeyError


class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await tick("next%d" % self.i)
        return self.i


async def main():
    async with Resource() as r:
        print("inside", type(r).__name__)
    async with Resource():
        raise KeyError("suppressed")
    total = 0
    async for v in Ticker(3):
        total += v
    else:
        print("async for else")
    print("total", total)
    try:
        async with object():
            pass
    except AttributeError as e:
        print("AttributeError", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError", e)
    return "main result"


c = main()
value = None
try:
    while True:
        label = c.send(value)
        value = "sent-" + label
except StopIteration as e:
    print(e.value)
