# Objects that are not context managers, __enter__ raising, __exit__
# missing, and contextlib helpers built on generators.
import contextlib


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


for obj in (NoExit(), NoEnter(), 42):
    try:
        with obj:
            pass
    except AttributeError as e:
        print("AttributeError", e)


class EnterFails:
    def __enter__(self):
        raise ValueError("cannot enter")

    def __exit__(self, *a):
        print("never called")


try:
    with EnterFails():
        print("not here")
except ValueError as e:
    print("ValueError", e)


@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ZeroDivisionError:
        print("handled inside", name)
    finally:
        print("</%s>" % name)


with tag("p") as t:
    print("inside", t)
with tag("div"):
    1 / 0
print("continued")
try:
    with tag("span"):
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e)
with contextlib.suppress(FileNotFoundError, KeyError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("one", "two"):
        stack.enter_context(tag(n))
    print("stack body")
