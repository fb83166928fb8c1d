import sys
print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, tb.tb_lineno)
    try:
        raise KeyError("k")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())

def f():
    try:
        raise TypeError
    except TypeError:
        return sys.exc_info()[0]
print(f().__name__, sys.exc_info())
