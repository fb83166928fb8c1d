try:
    import definitely_not_a_module_here as m
except ImportError:
    m = None
print(m)
if m is None:
    import sys as m
print(m.__name__)
def lazy():
    import _support.simple
    return _support.simple.double(21)
print(lazy())
from sys import (
    maxsize,
    version_info,
)
print(maxsize > 0, version_info[0])
