# breakpoint() hands its arguments to sys.breakpointhook, whatever it is.
import sys

sys.breakpointhook = lambda *a, **k: print("hook", a, k) or 42
print(breakpoint(1, 2, x=3))
print(breakpoint())
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(repr(e))
print(callable(breakpoint), breakpoint.__name__)
