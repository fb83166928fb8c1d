# Native-module results and messages that tools/audit/api_surface.py found
# differing from CPython 3.8: sys functions' argument checks, math.perm(n)
# and math.log(), itertools.combinations' argument order, _operator's
# names and PyNumber_Index, _thread's lock types, signal.strsignal's
# argument, _sre's case predicates, METH_O messages of _heapq, binascii
# and _abc.
import _abc
import _heapq
import _operator
import _signal
import _sre
import _thread
import _weakref
import binascii
import itertools
import math
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# sys: functions without parameters refuse arguments.
for name in ["getrecursionlimit", "getdefaultencoding", "getfilesystemencoding",
             "getfilesystemencodeerrors", "get_int_max_str_digits", "exc_info",
             "getcheckinterval", "getdlopenflags", "callstats", "_clear_type_cache",
             "getallocatedblocks", "gettrace", "getprofile", "getswitchinterval",
             "get_coroutine_origin_tracking_depth"]:
    f = getattr(sys, name)
    show(lambda: f(None))
    show(lambda: f(a=1))
show(lambda: sys.intern())
show(lambda: sys.intern(None))
show(lambda: sys.intern("ab", "c"))
show(lambda: sys.intern("ab"))
show(lambda: sys.setcheckinterval())
show(lambda: sys.setcheckinterval(None))
show(lambda: sys.setcheckinterval(2.5))
show(lambda: sys.setcheckinterval(2j))
show(lambda: sys.setcheckinterval(100))
show(lambda: sys.setdlopenflags(sys.getdlopenflags()))
show(lambda: sys.setrecursionlimit())
show(lambda: sys.setrecursionlimit(2.5))
show(lambda: sys.setrecursionlimit(None))
show(lambda: sys.setrecursionlimit(0))
show(lambda: sys.setrecursionlimit(sys.getrecursionlimit()))

# math.perm(n) is factorial(n); math.log's own arity message.
for args in [(5,), (5.0,), (-0.0,), (-3,), (2.5,), (5, None), (5, 2), (5, 7), (-1, 2)]:
    show(lambda: math.perm(*args))
show(lambda: math.log())
show(lambda: math.log(1, 2, 3))
show(lambda: math.log(8, 2))
show(lambda: math.sqrt(1j))
show(lambda: math.floor(1j))

# combinations converts r before reading the iterable.
for f in [itertools.combinations, itertools.combinations_with_replacement]:
    show(lambda: f(None, None))
    show(lambda: f(None, 2.5))
    show(lambda: f(None, 1))
    show(lambda: list(f("abc", 2)))
show(lambda: list(itertools.permutations("ab", None)))

# _operator: names as exported, METH_O messages, PyNumber_Index.
for name in ["abs", "index", "inv", "invert", "neg", "not_", "pos", "truth"]:
    show(lambda: getattr(_operator, name)())
for name in ["and_", "or_", "mod", "add", "xor", "is_", "concat"]:
    show(lambda: getattr(_operator, name)())
show(lambda: _operator.index(True))
show(lambda: _operator.index(False))
show(lambda: _operator.index(7))
show(lambda: _operator.index(2.5))
show(lambda: _operator.inv(5))
show(lambda: _operator.mod(7, 3))
show(lambda: _operator.countOf(None, 1))
show(lambda: _operator.countOf(True, 1))
show(lambda: _operator.indexOf(3, 1))
show(lambda: _operator.countOf([1, 2, 1], 1))
show(lambda: _operator.indexOf("abc", "c"))
show(lambda: _operator.delitem(None, 0))
show(lambda: _operator.delitem((1,), 0))

# _thread: RLock ignores its arguments; lock objects come from allocate_lock.
show(lambda: _thread.LockType())
show(lambda: type(_thread.allocate_lock()) is _thread.LockType)
show(lambda: repr(_thread.RLock(1, a=2)).split(" at ")[0])
lock = _thread.allocate_lock()
show(lambda: (lock.acquire(), lock.locked(), lock.acquire(False), lock.release(), lock.locked()))
with lock:
    show(lambda: lock.locked())

# signal.strsignal and friends take a C int.
for v in [True, 2, 2.5, None, 2j, 0, 65, "2"]:
    show(lambda: _signal.strsignal(v))
show(lambda: _signal.getsignal())
show(lambda: _signal.getsignal(2.5))
show(lambda: _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
show(lambda: _signal.siginterrupt(2, 1.5))

# _sre's case predicates follow CPython's ToUppercase (a full mapping's
# first code point): 'ß' is cased.
for ch in [223, 0xFB01, 0x149, 0x130, 0x1C5, 65, 49, 0x3A3, 0x1FB3]:
    print(ch, _sre.unicode_iscased(ch), _sre.unicode_tolower(ch), _sre.ascii_iscased(ch),
          _sre.ascii_tolower(ch))
for name in ["ascii_iscased", "ascii_tolower", "unicode_iscased", "unicode_tolower"]:
    f = getattr(_sre, name)
    show(lambda: f())
    show(lambda: f(2.5))
    show(lambda: f(2j))
import re
show(lambda: re.findall("(?i)ß|s", "ßSsẞ"))
show(lambda: re.findall("(?i)[ß]", "ßSsẞ"))
show(lambda: re.findall("(?i)[A-Z]", "aßﬁŉ"))
show(lambda: re.findall("(?i)[R-T]", "ßſsS"))
show(lambda: re.findall("(?i)[^A-Z]", "ß"))

# METH_O functions' message.
for f in [_heapq.heapify, _heapq.heappop, _heapq._heapify_max, _heapq._heappop_max,
          binascii.a2b_base64, binascii.a2b_hqx, binascii.a2b_uu, binascii.b2a_hqx,
          binascii.rlecode_hqx, binascii.rledecode_hqx, _abc._get_dump, _abc._abc_init,
          _abc._reset_caches, _abc._reset_registry, _weakref.getweakrefcount]:
    show(lambda: f())
    show(lambda: f(1, 2))
show(lambda: binascii.a2b_base64(b"YWJj"))
show(lambda: _weakref.getweakrefcount(1))

# METH_NOARGS functions: "takes no arguments", never "expected 0 arguments".
import _csv
import _struct
import gc
for f in [gc.enable, gc.disable, gc.isenabled, gc.get_count, gc.get_stats, gc.get_threshold,
          gc.get_debug, gc.freeze, gc.unfreeze, gc.get_freeze_count, _sre.getcodesize,
          _abc.get_cache_token, _struct._clearcache, _csv.list_dialects]:
    show(lambda: f(1))
    show(lambda: f(x=1))
show(lambda: gc.isenabled())
