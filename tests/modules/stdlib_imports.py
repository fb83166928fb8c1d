# Standard-library modules that import without `re`, each used a little.
import abc
import bisect
import codecs
import collections
import collections.abc
import contextlib
import contextvars
import copy
import datetime
import enum
import functools
import heapq
import io
import keyword
import numbers
import operator
import os
import os.path
import reprlib
import signal
import stat
import types
import weakref

print(os.path.join("a", "b"), os.path.splitext("x.py"), stat.S_ISDIR(os.stat(".").st_mode))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), functools.reduce(operator.add, range(10)), functools.partial(pow, 2)(10))
Point = collections.namedtuple("Point", "x y")
print(Point(1, 2), collections.Counter("abracadabra").most_common(2), collections.OrderedDict(a=1))
print(collections.deque([1, 2, 3], maxlen=2), dict(collections.defaultdict(int, a=1)))
print(isinstance([], collections.abc.Sequence), issubclass(dict, collections.abc.Mapping))
nested = {"a": [1, {"b": 2}]}
deep = copy.deepcopy(nested)
deep["a"][1]["b"] = 3
print(nested, deep, copy.copy([1, [2]]))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2


print(Color.RED, Color(2), list(Color), Perm.R | Perm.W, Color.RED.name, Color["GREEN"].value)


@contextlib.contextmanager
def tag(name):
    print("<" + name + ">")
    yield name
    print("</" + name + ">")


with tag("b") as t:
    print("inside", t)
with contextlib.suppress(KeyError):
    {}["x"]
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()), io.BytesIO(b"abc").read(2))


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass


try:
    Base()
except TypeError as e:
    print("TypeError", e)


class Thing:
    pass


obj = Thing()
ref = weakref.ref(obj)
print(ref() is obj, weakref.WeakValueDictionary is not None)
d = datetime.date(2020, 2, 29)
print(d + datetime.timedelta(days=1), d.isoformat(), d.weekday(), datetime.datetime(2021, 1, 2, 3, 4, 5))
print(datetime.timedelta(hours=25), datetime.date(2020, 1, 1).strftime("%Y/%m/%d"))
h = [5, 1, 4]
heapq.heapify(h)
print(heapq.heappop(h), bisect.bisect([1, 3, 5], 4), keyword.iskeyword("for"))
print(isinstance(3, numbers.Integral), isinstance(1.5, numbers.Real), reprlib.repr(list(range(100))))
print(types.SimpleNamespace(a=1).a, isinstance(len, types.BuiltinFunctionType), types.FunctionType.__name__)
print(codecs.lookup("utf-8").name, signal.SIGINT, signal.Signals.SIGTERM.name, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
var = contextvars.ContextVar("var", default=0)
token = var.set(5)
print(var.get(), contextvars.copy_context()[var])
var.reset(token)
print(var.get(), contextvars.copy_context().run(var.get))
