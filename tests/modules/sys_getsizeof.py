# sys.getsizeof(obj, default): default when __sizeof__ raises TypeError
# (missing, not callable, returns a non-int); other errors pass through.
import sys


class A:
    def __sizeof__(self):
        raise TypeError("no")


class B:
    def __sizeof__(self):
        raise ValueError("no")


class C:
    def __sizeof__(self):
        return -1


class D:
    def __sizeof__(self):
        return "x"


class E:
    __sizeof__ = None


class F:
    def __sizeof__(self):
        return 40


print(sys.getsizeof(A(), 5), sys.getsizeof(A(), default=7), sys.getsizeof(object=A(), default=None))
for o in [B(), C(), D(), A(), E(), F()]:
    for args in [(o,), (o, 3)]:
        try:
            print(type(o).__name__, sys.getsizeof(*args))
        except Exception as e:
            print(type(o).__name__, type(e).__name__, e)
print(sys.getsizeof(1, default=2) > 0, sys.getsizeof(F(), "d") > 40)
for kwargs in [{"foo": 2}, {"default": 2}]:
    try:
        sys.getsizeof(**kwargs)
    except TypeError as e:
        print(e)
try:
    sys.getsizeof(1, 2, 3)
except TypeError as e:
    print(e)
