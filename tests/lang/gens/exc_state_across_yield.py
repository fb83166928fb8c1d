# A generator keeps the exception it handles across yields, apart from its
# caller's: sys.exc_info() inside sees its own exception, else the caller's;
# the caller's state comes back on each yield (CPython's gen exc_state).
import sys


def info():
    t, v, tb = sys.exc_info()
    return None if t is None else (t.__name__, str(v))


def handler_gen():
    print("  gen start:", info())
    try:
        raise ValueError("in gen")
    except ValueError:
        print("  gen in except:", info())
        yield 1
        print("  gen resumed in except:", info())
        yield 2
    print("  gen after except:", info())
    yield 3


g = handler_gen()
try:
    raise IndexError("caller")
except IndexError:
    print("next ->", next(g))
    print("caller after yield:", info())
print("caller outside:", info())
print("next ->", next(g))
print("caller outside:", info())
try:
    raise KeyError("again")
except KeyError:
    print("next ->", next(g))
    print("caller after yield:", info())


# Issue 28884: a handler left in the generator does not bring back the
# exception its caller was handling when the handler began.
def g2():
    try:
        raise ValueError
    except ValueError:
        yield 1
    print("g2 after except:", sys.exc_info())
    yield 2


gen = g2()
try:
    raise IndexError
except IndexError:
    print(next(gen))
print(next(gen))


# A bare raise in a generator re-raises the caller's exception when the
# generator handles none of its own.
def reraiser():
    yield 1
    raise


r = reraiser()
next(r)
try:
    raise TypeError("outer")
except TypeError:
    try:
        next(r)
    except TypeError as e:
        print("re-raised:", repr(e))

r = reraiser()
next(r)
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError:", e)


# Implicit chaining inside a generator uses the generator's exception first.
def chainer():
    try:
        raise ValueError("inner")
    except ValueError:
        yield
        raise KeyError("new")


c = chainer()
next(c)
try:
    raise OSError("outer")
except OSError:
    try:
        next(c)
    except KeyError as e:
        print("context:", repr(e.__context__))


# With nothing handled in the generator, a new exception chains to the caller's.
def plain():
    yield
    raise KeyError("plain")


p = plain()
next(p)
try:
    raise OSError("caller's")
except OSError:
    try:
        next(p)
    except KeyError as e:
        print("context:", repr(e.__context__))


# throw() into a generator suspended in a handler.
def thrown():
    try:
        raise ValueError("own")
    except ValueError:
        try:
            yield
        except KeyError:
            print("  caught thrown, exc_info:", info())
            print("  context:", repr(sys.exc_info()[1].__context__))
        print("  back in own handler:", info())
    yield "done"


t = thrown()
next(t)
print(t.throw(KeyError("thrown")))
print("outside:", info())


# Nested generators: each keeps its own.
def inner():
    try:
        raise ValueError("inner")
    except ValueError:
        yield info()
    yield info()


def outer():
    try:
        raise KeyError("outer")
    except KeyError:
        it = inner()
        yield next(it)
        yield info()
    yield next(it)


o = outer()
for x in o:
    print("nested:", x)
print("final:", info())


# An exception is chained where it is raised, not again in each caller it
# passes through on its way out.
def raises_in_handler():
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")


def passes_through():
    return raises_in_handler()


try:
    raise OSError("caller handles this")
except OSError:
    try:
        passes_through()
    except KeyError as e:
        print("chained to:", repr(e.__context__))
        print("and then:", repr(e.__context__.__context__))


# A callback from native code (map) passes an exception back the same way.
def bad(x):
    raise ZeroDivisionError("in callback")


try:
    raise OSError("outer")
except OSError:
    try:
        list(map(bad, [1]))
    except ZeroDivisionError as e:
        print("callback context:", repr(e.__context__))
