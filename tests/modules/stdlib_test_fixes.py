# Divergences found by running CPython's own test files (tools/stdlib_tests.py):
# bytes() of any buffer, array's deprecated aliases, keywords for array
# subclasses and its unicode-initializer error, partial's copy and pickle
# protocol, struct formats whose item count cannot be held, math's atanh
# near -1, ldexp up to the largest float and 0 ** -inf.
import copy
import math
import functools
import pickle
import struct
import sys
import warnings
from array import array
from _support.outcome import show

print(bytes(array("b", [-1, 2])), bytearray(array("h", [-2])), bytes(memoryview(b"ab")))
import io
buf = io.BytesIO()
buf.write(array("b", [-1, 0, 1]))
print(buf.getvalue())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    a = array("b", [1, 2])
    print(a.tostring())
    a.fromstring(b"\x03")
    print(a, [str(w.message) for w in caught])


class WithKeywords(array):
    def __new__(cls, typecode, init, newarg=None):
        return array.__new__(cls, typecode, init)

    def __init__(self, typecode, init, newarg=None):
        self.newarg = newarg


w = WithKeywords("i", [1, 2], newarg=5)
print(w, w.newarg)
show("array keywords", lambda: array("b", [1], x=1))
show("unicode init", lambda: array("i", array("u", "x")))
show("non-unicode init", lambda: array("u", array("i", [1])))


def capture(*args, **kw):
    return args, kw


p = functools.partial(capture, 1, a=2)
p.attr = [3]
print(p.__reduce__()[0] is functools.partial, p.__reduce__()[1][0] is capture)
q = copy.copy(p)
print(q(4), q.attr is p.attr)
r = copy.deepcopy(p)
print(r(5), r.attr, r.attr is p.attr)
s = pickle.loads(pickle.dumps(functools.partial(max, 1, key=abs)))
print(s(-5), s.args, s.keywords)
t = functools.partial(capture)
t.__setstate__((capture, (7,), {"k": 8}, None))
print(t(), t.args, t.keywords)
show("setstate not tuple", lambda: t.__setstate__([capture, (), {}, None]))
show("setstate short", lambda: t.__setstate__((capture, ())))
show("setstate not callable", lambda: t.__setstate__((1, (), {}, None)))

print(struct.calcsize("3x5b2s"))
show("size too long", lambda: struct.calcsize("%dq" % (sys.maxsize // 2)))

for x in (-0.9999999999999999, 0.9999999999999999, -0.5, 0.25, -1e-20, 0.0, -0.0):
    print(repr(math.atanh(x)))
show("atanh 1", lambda: math.atanh(1.0))
show("atanh 2", lambda: math.atanh(-2.0))
print(math.atanh(float("nan")))
print(math.ldexp(1.0, 1023), math.ldexp(0.75, 1024), math.ldexp(-1.0, 1023))
print([math.log2(math.ldexp(1.0, n)) for n in (-1074, -1022, 0, 1022, 1023)])
show("ldexp over", lambda: math.ldexp(1.0, 1024))
show("pow 0 -inf", lambda: math.pow(0.0, float("-inf")))
print(math.pow(0.0, float("inf")), math.pow(2.0, float("-inf")), math.pow(0.5, float("-inf")))
