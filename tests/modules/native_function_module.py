# Functions of native modules name their module in __module__ and have the
# module as __self__, so pickle and copy find them by name.
import math, sys, time, gc, binascii, pickle, copy, _struct, _operator, _heapq, _bisect, _json, _sre, posix, _md5, _weakref, _functools, array, _random, cmath, errno

funcs = [math.sqrt, math.floor, sys.exit, sys.getsizeof, sys.excepthook, sys.__excepthook__,
         time.time, gc.collect, binascii.hexlify, _struct.pack, _operator.add, _heapq.heappush,
         _bisect.bisect_right, _sre.compile, posix.getcwd, _md5.md5, _weakref.getweakrefcount,
         _functools.reduce, cmath.sqrt]
for f in funcs:
    print(f.__module__, f.__name__, f.__qualname__, f.__self__.__name__, repr(f))

# Builtins and bound methods keep theirs.
print(len.__module__, len.__self__.__name__, [].append.__module__, hasattr((1).__add__, '__module__'))
print(dict.fromkeys.__module__, str.join.__qualname__)

for f in [math.sqrt, sys.getrecursionlimit, binascii.crc32, _operator.countOf, time.monotonic]:
    print(f.__reduce__(), pickle.loads(pickle.dumps(f)) is f, copy.deepcopy(f) is f)
