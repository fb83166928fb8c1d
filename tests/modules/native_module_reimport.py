# Importing a native module again after it left sys.modules (as
# test.support.import_fresh_module does) gives a new module object holding
# the same classes and functions, as CPython's single-phase C modules do.
import sys
import operator

first = sys.modules["_operator"]
del sys.modules["_operator"]
import _operator as again

print(again is first, again.attrgetter is first.attrgetter, again.add is first.add)
print(again.__name__, sys.modules["_operator"] is again)

from test import support

c_operator = support.import_fresh_module("operator", fresh=["_operator"])
print(c_operator.attrgetter is operator.attrgetter, c_operator.itemgetter is operator.itemgetter)

first_math = sys.modules.pop("math")
import math

print(math is first_math, math.sqrt is first_math.sqrt, math.pi)
