# sys._getframe() frames read their line and locals live while the frame
# runs: module level, functions, generators and class bodies.
import sys

f = sys._getframe()
print(f.f_lineno)
print(f.f_lineno)
print(f.f_code.co_name, f.f_locals is globals(), f.f_back)


def g(p):
    fr = sys._getframe()
    a = fr.f_lineno
    b = fr.f_lineno
    x = p * 2
    print(a, b, sorted(fr.f_locals))
    print(fr.f_locals["x"], fr.f_locals["p"], "y" in fr.f_locals)
    y = 1
    print("y" in fr.f_locals, fr.f_back.f_lineno, fr.f_back.f_code.co_name)
    return fr


fr = g(21)
print(fr.f_code.co_name, f.f_lineno)


def outer():
    cell = "c"

    def inner():
        fr = sys._getframe()
        return sorted(fr.f_locals), cell, fr.f_back.f_lineno
    return inner()


print(outer())


def gen():
    fr = sys._getframe()
    yield fr.f_lineno
    yield fr.f_lineno, fr.f_back.f_lineno
    z = 1
    yield sorted(fr.f_locals)


it = gen()
print(next(it))
print(next(it))
print(next(it))


class C:
    fr = sys._getframe()
    l1 = fr.f_lineno
    l2 = fr.f_lineno
    print(l1, l2, sorted(fr.f_locals), fr.f_code.co_name, fr.f_back.f_lineno)


def deeper():
    return sys._getframe(1).f_lineno, sys._getframe(0).f_lineno


print(deeper())
y = 3
print(f.f_locals["y"], f.f_lineno)
