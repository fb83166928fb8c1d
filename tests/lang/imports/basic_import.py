import _support.simple
print(_support.simple.VALUE, _support.simple.double(4))
import _support.simple as s
print(s is _support.simple, s.__name__)
from _support.simple import double, VALUE as V
print(double(5), V)
import sys
print("_support.simple" in sys.modules)
import _support.simple
print("imported once")
