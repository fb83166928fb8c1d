# int(x) asks __int__, then __index__, then __trunc__, as CPython 3.8's
# PyNumber_Long; a subclass of int or float reads its own value.
import array
import warnings


def show(f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            v = f()
            print(type(v).__name__, v)
        except Exception as e:
            print(type(e).__name__, e)
    for w in caught:
        print("  warning:", w.category.__name__, str(w.message)[:40])


class MyIndex(int):
    def __index__(self):
        return 42


class BadIndex(int):
    def __index__(self):
        return 42.0


class IndexOnly:
    def __index__(self):
        return 7


class IndexTrue:
    def __index__(self):
        return True


class IntTrue:
    def __int__(self):
        return True


class IntSubTrue(int):
    def __int__(self):
        return True


class IntFloat:
    def __int__(self):
        return 4.0


class NonIntegral:
    def __trunc__(self):
        return NonIntegral()


class TruncToNonIntegral:
    def __trunc__(self):
        return NonIntegral()


class TruncToIndex:
    def __trunc__(self):
        return IndexTrue()


class TruncToIntable:
    def __trunc__(self):
        return IntTrue()


class TruncToBool:
    def __trunc__(self):
        return True


class TruncToFloat:
    def __trunc__(self):
        return 2.5


class IntOverTrunc:
    def __int__(self):
        return 42

    def __trunc__(self):
        return -12


class FloatSub(float):
    def __index__(self):
        return 99


show(lambda: int(MyIndex(7)))
show(lambda: int(BadIndex()))
show(lambda: int(IndexOnly()))
show(lambda: int(IndexTrue()))
show(lambda: int(IntTrue()))
show(lambda: int(IntSubTrue(5)))
show(lambda: int(IntFloat()))
show(lambda: int(TruncToNonIntegral()))
show(lambda: int(TruncToIndex()))
show(lambda: int(TruncToIntable()))
show(lambda: int(TruncToBool()))
show(lambda: int(TruncToFloat()))
show(lambda: int(IntOverTrunc()))
show(lambda: int(FloatSub(3.75)))
show(lambda: int(array.array('B', b'100')))
show(lambda: int(memoryview(b'12')))
show(lambda: int(bytearray(b' 3 ')))
