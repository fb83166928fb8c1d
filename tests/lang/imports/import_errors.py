try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _support import no_such_submodule
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _support.simple import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _support.simple.deeper
except ModuleNotFoundError as e:
    print(e)
try:
    import _support.broken
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
import sys
print("_support.broken" in sys.modules)
