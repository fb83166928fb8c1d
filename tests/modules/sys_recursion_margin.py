# After a RecursionError, handlers get 50 more levels (CPython 3.8's
# overflow margin); recursing past those is the fatal error "Cannot
# recover from stack overflow" rather than exponential work.
import subprocess
import sys


def g(n):
    return g(n + 1)


def catch():
    try:
        g(0)
    except RecursionError as e:
        print("caught", e)


catch()
catch()


def h(n):
    try:
        return h(n + 1)
    except RecursionError:
        return n


print(h(0) > 900)


def k(n):
    try:
        return k(n + 1)
    except RecursionError:
        return k2(0)


def k2(n):
    # Deeper than the limit: inside the margin.
    return n if n >= 30 else k2(n + 1)


print(k(0))
catch()

code = """
import sys
def f():
    try:
        f()
    except RecursionError:
        f()
sys.setrecursionlimit(%d)
f()
"""
for limit in (50, 1000):
    p = subprocess.run([sys.executable, "-c", code % limit], stderr=subprocess.PIPE)
    print(limit, p.returncode != 0, p.stderr.splitlines()[:2])
