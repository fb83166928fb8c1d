import sys
sys.setrecursionlimit(100)
x = []
for _ in range(150):
    x = [x]
try:
    repr(x)
    print("no error")
except RecursionError:
    print("RecursionError")
d = {}
for _ in range(150):
    d = {"k": d}
try:
    str(d)
    print("no error")
except RecursionError:
    print("RecursionError")
