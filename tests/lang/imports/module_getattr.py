from _support import lazy
print(lazy.known, lazy.dynamic)
try:
    lazy.other
except AttributeError as e:
    print(e)
from _support.lazy import dynamic
print(dynamic)
