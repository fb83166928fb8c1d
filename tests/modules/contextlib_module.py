# contextlib: contextmanager, ExitStack, suppress, redirect_*, closing, nullcontext, ContextDecorator.
import contextlib
import io
import sys


@contextlib.contextmanager
def step(name, swallow=False):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("caught in", name, e)
        if not swallow:
            raise
    finally:
        print("exit", name)


with step("a") as v:
    print("body", v)
with step("b", swallow=True):
    raise ValueError("boom")
try:
    with step("c"):
        raise ValueError("again")
except ValueError as e:
    print("outside", e)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    print("to out")
    print("to err", file=sys.stderr)
print(repr(out.getvalue()), repr(err.getvalue()))


class Resource:
    def __init__(self, n):
        self.n = n

    def close(self):
        print("closed", self.n)


with contextlib.closing(Resource(1)) as r:
    print("using", r.n)
with contextlib.nullcontext(42) as n:
    print("null", n)
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(step(x)) for x in "xyz"]
    stack.callback(print, "callback", 1)
    print(names)
with contextlib.ExitStack() as stack:
    stack.enter_context(step("kept"))
    moved = stack.pop_all()
print("after pop_all")
moved.close()


def handler(*exc):
    print("handler sees", exc[0].__name__)
    return True


with contextlib.ExitStack() as stack:
    stack.push(handler)
    raise KeyError("k")


class Tracked(contextlib.ContextDecorator):
    def __enter__(self):
        print("start")
        return self

    def __exit__(self, *exc):
        print("end", exc[0])
        return False


@Tracked()
def work(x):
    print("work", x)
    return x * 2


print(work(3))


@step("deco")
def decorated():
    print("inside decorated")


decorated()


class Ctx(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        return None


with Ctx() as c:
    print(type(c).__name__, isinstance(c, contextlib.AbstractContextManager))
gen_cm = step("z")
gen_cm.__enter__()
print(gen_cm.__exit__(None, None, None))
try:
    @contextlib.contextmanager
    def twice():
        yield
        yield
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
