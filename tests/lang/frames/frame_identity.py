# Frame objects: one object per frame (f_back is f_back, _getframe(1) is
# f_back), a finished frame keeps the line it returned from and its last
# locals, tb_frame of a running frame is that frame's object, and a frame
# taken inside a generator follows the generator.
import sys
import re


def show(fr):
    # The repr without its address.
    print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(fr)).replace(__file__, "FILE"))


def f():
    fr = sys._getframe()
    x = 1
    y = 2
    return fr


fr = f()
print(fr.f_lineno, sorted(fr.f_locals), fr.f_code.co_name)
print(fr.f_back is fr.f_back, fr.f_back is sys._getframe())
show(fr)


def g():
    fr = sys._getframe()
    a = 5
    if a:
        pass
    return fr


h = g()
print(h.f_lineno, h.f_locals["a"])


def k():
    me = sys._getframe()
    print(me is sys._getframe(), me.f_back is sys._getframe(1))
    return me


k()


def deep():
    return sys._getframe()


def outer():
    return deep()


d = outer()
print(d.f_lineno, d.f_back.f_code.co_name, d.f_back.f_lineno, d.f_back.f_back is sys._getframe())


def gen():
    yield sys._getframe()
    x = 3
    yield x


gi = gen()
gf = next(gi)
print(gf.f_code.co_name, gi.gi_frame.f_lineno)
next(gi)
print(gi.gi_frame.f_lineno, gf.f_lineno)

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
print(tb.tb_frame.f_lineno, tb.tb_lineno, tb.tb_frame is sys._getframe())


def raiser():
    here = sys._getframe()
    try:
        {}["k"]
    except KeyError as e:
        return here, e.__traceback__


here, tb2 = raiser()
print(tb2.tb_lineno, tb2.tb_frame.f_lineno, here.f_lineno)


def implicit():
    fr = sys._getframe()
    z = 1
    for i in range(2):
        z += i
    globals()["saved"] = fr


implicit()
print(saved.f_lineno, sorted(saved.f_locals.items(), key=str)[1:])


def loop_frames():
    return [sys._getframe() for _ in range(2)]


a, b = loop_frames()
print(a is b, a.f_back is b.f_back, a.f_back.f_code.co_name)
