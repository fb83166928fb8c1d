# dir() of the built-in types, as CPython 3.8 lists them. Types whose dir
# still differs are left out (listed at the end with what they lack).
import sys
import types


def gen():
    yield


async def coro():
    pass


async def agen():
    yield


def tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__


def cell():
    x = 1

    def f():
        return x
    return f.__closure__[0]


class K:
    def m(self):
        pass


c = coro()
TYPES = [object, int, bool, complex, str, list, tuple, dict, set, frozenset, range, slice,
         property, classmethod, staticmethod, enumerate, zip, map, filter,
         types.FunctionType, type(tb()), types.ModuleType, type(cell()), type(None),
         types.MethodType, type(NotImplemented), type(...), K, float, bytes, bytearray,
         type({}.keys()), type({}.values()), type({}.items()), type(sys._getframe())]
for t in TYPES:
    print(t.__name__, dir(t))
# Known gaps: type (__basicsize__, __flags__, ...), exceptions (__setstate__
# and their own attributes), memoryview, super.__get__, reversed and
# list_iterator (__length_hint__, __setstate__), generator/coroutine/
# async_generator (__del__), code (co_code, co_lnotab), mappingproxy.__iter__.
for obj in [K(), K, 1, 'x', [1]]:
    print(type(obj).__name__, [n for n in dir(obj) if not n.startswith('_') or n in ('__class__', '__doc__', '__sizeof__', '__lt__')])
c.close()
