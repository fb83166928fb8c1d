# cr_origin: the frames that made a coroutine, as many as
# sys.set_coroutine_origin_tracking_depth asks for.
import sys


async def corofn():
    pass


def show(coro):
    origin = coro.cr_origin
    coro.close()
    if origin is None:
        print(None)
        return
    print([(f.rsplit('/', 1)[-1], line, name) for f, line, name in origin])


print(sys.get_coroutine_origin_tracking_depth())
show(corofn())
sys.set_coroutine_origin_tracking_depth(1)
print(sys.get_coroutine_origin_tracking_depth())
show(corofn())


def nested():
    return corofn()


def outer():
    return nested()


sys.set_coroutine_origin_tracking_depth(2)
show(outer())
sys.set_coroutine_origin_tracking_depth(1000)
c = outer()
print(len(c.cr_origin))
show(c)
for bad in (-1, 1.5, "2"):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=0)
show(corofn())


def gen():
    yield 1


print(hasattr(gen(), 'gi_origin'), hasattr(gen(), 'cr_origin'))
