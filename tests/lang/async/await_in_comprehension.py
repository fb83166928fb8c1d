# `await` inside a comprehension of an async function makes it an
# asynchronous comprehension (list, set, dict and generator expression).


async def f(i):
    return i


async def run():
    a = [await c for c in [f(1), f(41)]]
    b = {await c for c in [f(2), f(2), f(3)]}
    d = {k: await v for k, v in [("x", f(7)), ("y", f(8))]}
    g = (await c for c in [f(5), f(6)])
    e = [x async for x in g]
    return a, sorted(b), d, e


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")


print(drive(run()))
for src in ["def h():\n    return [await c for c in cs]\n",
            "[await c for c in cs]\n",
            "async def h():\n    return [lambda: await c for c in cs]\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    compile("async def h():\n    return [[await f(i) for i in r] for r in rs]\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
