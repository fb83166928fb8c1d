# Generator methods: send before start, throw handled and unhandled,
# close running finally, close ignoring GeneratorExit, gi_* state.
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            print("reset because", e)
            total = count = 0
            avg = None
            continue
        total += value
        count += 1
        avg = total / count


a = averager()
print(next(a))
print(a.send(10), a.send(20))
print(a.throw(ValueError("bad data")))
print(a.send(4))
try:
    a.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
try:
    a.send(1)
except StopIteration:
    print("finished after unhandled throw")


def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = with_cleanup()
next(g)
g.close()
g.close()
print(list(g))


def stubborn():
    try:
        yield
    except GeneratorExit:
        print("ignoring exit")
    yield "after"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
fresh = with_cleanup()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError", e)
fresh.close()
try:
    next(fresh)
except StopIteration:
    print("closed before start: no cleanup printed")
g = with_cleanup()
try:
    g.throw(ValueError)
except ValueError:
    print("throw into unstarted generator raises at once")


def returns():
    yield 1
    return "result"


r = returns()
next(r)
try:
    next(r)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
