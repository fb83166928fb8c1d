import sys
print(sys.flags)
print(sys.int_info, sys.float_info, sys.hash_info.width, sys.version_info[:2])
print(len(sys.flags), sys.flags[0], sys.flags.debug, type(sys.flags))
try:
    sys.flags.debug = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    sys.int_info[0] = 1
except TypeError as e:
    print(type(e).__name__)
print(sys.int_info, sys.int_info.bits_per_digit, sys.int_info[-1])
print(repr(sys.version_info)[:40], sys.version_info.major, sys.version_info >= (3, 8))
print(type(sys.flags).__name__, type(sys.int_info).__name__, type(sys.float_info).__name__)
print(isinstance(sys.flags, tuple), sys.flags == tuple(sys.flags), sys.float_info.max == sys.float_info[0])
print(sys.hash_info)
a, b, *rest = sys.int_info
print(a, b, rest, sys.flags[3:5], list(sys.version_info)[:2])
