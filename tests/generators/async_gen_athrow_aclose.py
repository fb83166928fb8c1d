# athrow() and aclose() on async generators, driven by send().
import types


@types.coroutine
def pause():
    yield "pause"


def run(aw):
    value = None
    try:
        while True:
            out = aw.send(value)
            print("  yielded to driver:", out)
    except StopIteration as e:
        return ("StopIteration", e.value)
    except StopAsyncIteration:
        return ("StopAsyncIteration",)
    except Exception as e:
        return (type(e).__name__, str(e))


async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("guarded cleanup")
        await pause()
        print("cleanup after await")


g = guarded()
print(run(g.__anext__()))
print(run(g.athrow(ValueError, ValueError("bad"))))
print(run(g.aclose()))
print(run(g.__anext__()))
print(run(g.aclose()))

# athrow with a type only, and an exception that escapes.
g = guarded()
print(run(g.__anext__()))
print(run(g.athrow(KeyError)))
print(run(g.__anext__()))

# aclose on a generator that was never started.
g = guarded()
print(run(g.aclose()))
print(run(g.__anext__()))


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


s = stubborn()
print(run(s.__anext__()))
print(run(s.aclose()))


async def raises_stop():
    yield 1
    raise StopAsyncIteration


r = raises_stop()
print(run(r.__anext__()))
print(run(r.__anext__()))


async def raises_stopiter():
    yield 1
    raise StopIteration("x")


r = raises_stopiter()
print(run(r.__anext__()))
print(run(r.__anext__()))

# athrow's argument checks.
try:
    guarded().athrow()
except TypeError as e:
    print("TypeError", e)
# athrow on a finished generator: nothing to throw into.
g = guarded()
print(run(g.aclose()))
print(run(g.athrow(ValueError)))
