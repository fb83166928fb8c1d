# Read-only attributes of built-in types are member or getset descriptors;
# types.TracebackType(...) builds traceback entries; dir() of a module whose
# __dict__ is no dict is a TypeError.
import sys
import types

for cls, name in [(complex, "real"), (complex, "imag"), (int, "real"), (int, "numerator"),
                  (float, "imag"), (slice, "start"), (range, "step")]:
    d = cls.__dict__[name]
    print(cls.__name__, name, type(d).__name__, repr(d), d.__name__, d.__objclass__.__name__)
print(complex.real.__get__(3 + 4j), int.imag.__get__(5), slice.stop.__get__(slice(1, 9)))
print(complex.real.__get__(None, complex) is complex.real)
for obj, name in [(1j, "real"), (5, "real"), (2.5, "imag"), (slice(1), "start"), (range(3), "stop")]:
    try:
        setattr(obj, name, 0)
    except AttributeError as e:
        print(type(obj).__name__, name, "AttributeError:", e)
try:
    complex.real.__get__(5)
except TypeError as e:
    print("TypeError:", e)


class Z(complex):
    pass


z = Z(1, 2)
z.extra = 3
print(z.real, z.imag, z.extra, vars(z))


def fail():
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    tb = e.__traceback__
frame = tb.tb_frame
t2 = types.TracebackType(None, frame, 6, 99)
print(type(t2).__name__, t2.tb_next, t2.tb_lasti, t2.tb_lineno, t2.tb_frame is frame)
t3 = types.TracebackType(tb_next=t2, tb_frame=frame, tb_lasti=0, tb_lineno=5)
print(t3.tb_next is t2, t3.tb_lineno, t3.tb_lasti)
for bad in [(1, frame, 0, 1), (None, 1, 0, 1), (None, frame, "x", 1), (None, frame, 0)]:
    try:
        types.TracebackType(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    raise KeyError("k").with_traceback(t3)
except KeyError as e:
    print(e.__traceback__.tb_next is t3, e.__traceback__.tb_next.tb_next.tb_lineno)


class Odd(types.ModuleType):
    __dict__ = 8


try:
    dir(Odd("odd"))
except TypeError as e:
    print("TypeError:", e)
print("exit" in dir(sys), sorted(dir(types.ModuleType("m"))))
