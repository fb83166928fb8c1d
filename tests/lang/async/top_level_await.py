# compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT): await, async for, async
# with and async comprehensions at the top level give a coroutine's code,
# which eval()/exec() return unstarted (asyncio's REPL relies on it).
import ast
import inspect
import types

FLAG = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


@types.coroutine
def tick(value):
    sent = yield ("tick", value)
    return (value, sent)


async def agen(n):
    for i in range(n):
        yield await tick(i)


class CM:
    async def __aenter__(self):
        print("enter")
        return await tick("cm")

    async def __aexit__(self, *exc):
        print("exit", exc[0])
        return True


def run(coro):
    """Drives a coroutine, sending back a counter for each yield."""
    n = 0
    try:
        while True:
            got = coro.send(None if n == 0 else n)
            print("  yielded", got)
            n += 1
    except StopIteration as e:
        return e.value


ns = {"tick": tick, "agen": agen, "CM": CM}
src = """
a = await tick(1)
async for v in agen(3):
    print('for', v)
async with CM() as c:
    print('body', c)
    raise KeyError('swallowed')
xs = [await tick(i) for i in range(2)]
ys = [v async for v in agen(2)]
"""
co = compile(src, "<tla>", "exec", flags=FLAG)
print("coroutine flag", bool(co.co_flags & inspect.CO_COROUTINE))
print("no free", bool(co.co_flags & inspect.CO_NOFREE))
r = eval(co, ns)
print(type(r).__name__, r.__name__, r.__qualname__, r.cr_code is co)
print("result", run(r))
for k in ("a", "c", "xs", "ys"):
    print(k, ns[k])

# Separate locals: names bind there, globals stay untouched.
loc = {}
r = eval(compile("z = await tick('z')\nw = len(z)", "<tla>", "exec", flags=FLAG), ns, loc)
run(r)
print(sorted(loc), "z" in ns)

# eval mode returns the expression's value as the coroutine's result.
co = compile("await tick(5)", "<tla>", "eval", flags=FLAG)
print("eval", run(eval(co, ns)))
co = compile("[x async for x in agen(2)]", "<tla>", "eval", flags=FLAG)
print("eval comp", run(eval(co, ns)))

# Without await the code is ordinary and runs at once.
co = compile("q = 1 + 2", "<tla>", "exec", flags=FLAG)
print(bool(co.co_flags & inspect.CO_COROUTINE), eval(co, ns), ns["q"])

# A generator expression with await is an async generator; CPython 3.8
# still marks the module code as a coroutine.
co = compile("g = (await tick(i) for i in range(2))", "<tla>", "exec", flags=FLAG)
print("genexp", bool(co.co_flags & inspect.CO_COROUTINE))
run(eval(co, ns))
print(type(ns["g"]).__name__)

# An exception inside propagates out of send().
r = eval(compile("await tick(0)\n1/0", "<tla>", "exec", flags=FLAG), ns)
try:
    run(r)
except ZeroDivisionError as e:
    print("raised", e)

# Still errors: without the flag, and inside functions, lambdas, classes.
for src, flags in [
    ("await x", 0),
    ("async for i in x: pass", 0),
    ("async with x: pass", 0),
    ("[i async for i in x]", 0),
    ("def f(): await x", FLAG),
    ("lambda: await x", FLAG),
    ("class C: await x", FLAG),
    ("def f():\n    async with x: pass", FLAG),
]:
    try:
        compile(src, "<tla>", "exec", flags=flags)
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

# exec() of a generator function's code gives its generator, unstarted.
def gen():
    yield 1
    yield 2

print(type(eval(gen.__code__)).__name__, list(eval(gen.__code__)))
