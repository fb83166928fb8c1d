# sys attributes that the standard library's import chain reads.
import sys

ns_type = type(sys.implementation)
print(ns_type.__name__, sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
print(sys.warnoptions, sys._xoptions, sys.flags.bytes_warning, sys.flags.optimize, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.implementation.version[:2], sys.version_info[:2])
n = ns_type(a=1, b="x")
print(n.__repr__(), n.a, n.b, n == ns_type(a=1, b="x"), n == ns_type(a=2), ns_type().__repr__())
n.c = [1]
print(n.__repr__())
try:
    ns_type(1)
except TypeError as e:
    print("TypeError", e)
