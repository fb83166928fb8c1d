# sys.exc_info() inside except and finally blocks, restored after them,
# and in nested handlers and generators.
import sys


def show(where):
    t, v, tb = sys.exc_info()
    print(where, t.__name__ if t else None, v)


show("start")
try:
    raise ValueError("outer")
except ValueError:
    show("in except")
    try:
        raise KeyError("inner")
    except KeyError:
        show("nested except")
    show("back in outer except")
show("after")
try:
    try:
        raise IndexError("pending")
    finally:
        show("finally with pending")
except IndexError:
    pass
try:
    pass
finally:
    show("finally without exception")


def gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield show("gen suspended inside except")
        show("gen resumed")


g = gen()
next(g)
show("outside gen")
try:
    next(g)
except StopIteration:
    pass
try:
    raise TypeError("t")
except TypeError as e:
    err = e
print(repr(err))
try:
    e
except NameError as ne:
    print("NameError", ne)
