# What `await`, `async with` and `async for` say about objects that cannot
# be awaited, as CPython 3.8 words it.


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        print(type(e).__name__ + ":", e)


class EnterGivesInt:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *exc):
        return False


class ExitGivesInt:
    async def __aenter__(self):
        return self

    def __aexit__(self, *exc):
        return 2


async def with_bad_enter():
    async with EnterGivesInt():
        print("not reached")


async def with_bad_exit():
    async with ExitGivesInt():
        print("body runs")


async def with_bad_exit_on_error():
    async with ExitGivesInt():
        1 / 0


async def with_bad_exit_on_return():
    async with ExitGivesInt():
        return 5


run(with_bad_enter())
run(with_bad_exit())
run(with_bad_exit_on_error())
run(with_bad_exit_on_return())


async def await_int():
    await 5


run(await_int())


class AwaitGivesCoroutine:
    def __await__(self):
        async def inner():
            pass
        c = inner()
        c.close()
        return c


class AwaitGivesList:
    def __await__(self):
        return [1]


async def await_bad(obj):
    await obj


run(await_bad(AwaitGivesCoroutine()))
run(await_bad(AwaitGivesList()))


class ANextGivesInt:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


async def for_bad():
    async for x in ANextGivesInt():
        print(x)


run(for_bad())


async def aiter_missing():
    async for x in 5:
        pass


run(aiter_missing())
