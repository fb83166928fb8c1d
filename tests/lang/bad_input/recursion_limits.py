# RecursionError from Python recursion, from recursion through special
# methods and built-ins, and recovery afterwards; setrecursionlimit.
import sys


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", type(e).__name__)


class R:
    def __repr__(self):
        return repr(self)

    def __getattr__(self, name):
        return getattr(self, name)


for f in (repr, lambda r: r.anything, str):
    try:
        f(R())
    except RecursionError as e:
        print("RecursionError", type(e).__name__)
nested = []
for _ in range(3000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("RecursionError", type(e).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print(depth() < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
print(down.__name__, "still callable:", (lambda: 5)())
