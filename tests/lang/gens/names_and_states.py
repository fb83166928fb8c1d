# Generator and coroutine names can be set (strings only, never deleted);
# inspect.getgeneratorstate / getcoroutinestate tell created, suspended,
# running and closed apart (f_lasti is -1 before the first instruction).
import inspect


def func():
    yield 1


gen = func()
print(gen.__name__, gen.__qualname__)
gen.__name__ = "name"
gen.__qualname__ = "qualname"
print(gen.__name__, gen.__qualname__, repr(gen).split(" at ")[0])
for attr in ("__name__", "__qualname__"):
    for value in (123, None):
        try:
            setattr(gen, attr, value)
        except TypeError as e:
            print("TypeError:", e)
    try:
        delattr(gen, attr)
    except TypeError as e:
        print("TypeError:", e)
func.__qualname__ = "func_qualname"
func.__name__ = "func_name"
gen = func()
print(gen.__name__, gen.__qualname__)


async def coro():
    pass


c = coro()
c.__name__ = "renamed"
print(c.__name__, c.__qualname__)
c.close()


def b():
    print("running:", inspect.getgeneratorstate(gen_b), gen_b.gi_frame.f_lasti >= 0)
    yield
    yield


gen_b = b()
print(inspect.getgeneratorstate(gen_b), gen_b.gi_frame.f_lasti)
gen_b.send(None)
print(inspect.getgeneratorstate(gen_b), gen_b.gi_frame.f_lasti > 0)
gen_b.close()
print(inspect.getgeneratorstate(gen_b))


async def aw():
    return 1


c = aw()
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(inspect.getcoroutinestate(c))


# gi_yieldfrom / cr_await: the delegate while suspended in it, None before,
# after, and while the generator runs (even inside the delegate).
def inner():
    print("inner sees", outer_gen.gi_yieldfrom, inspect.getgeneratorstate(outer_gen))
    yield
    print("inner sees", outer_gen.gi_yieldfrom, inspect.getgeneratorstate(outer_gen))


def outer():
    yield from inner()
    yield


outer_gen = outer()
print(outer_gen.gi_yieldfrom)
outer_gen.send(None)
print(outer_gen.gi_yieldfrom.__name__)
outer_gen.send(None)
print(outer_gen.gi_yieldfrom)
