# The interpreter's global cache finds a name's binding where it was: a
# store of a new value must be seen, and so must a global rebound, deleted,
# shadowing a builtin, a builtin replaced, and another __builtins__.
import builtins


def read_scale():
    return SCALE * 2 + len("abc")


SCALE = 1
out = []
for i in range(5):
    SCALE = i
    out.append(read_scale())
print(out)

del SCALE
try:
    read_scale()
except NameError as e:
    print("NameError:", e)
SCALE = 10
len = lambda s: 100
print(read_scale())
del len
print(read_scale())
builtins.len = lambda s: -1
print(read_scale())
del builtins.len
try:
    read_scale()
except NameError as e:
    print("NameError:", e)
import sys
builtins.len = sys.modules["builtins"].__dict__.get("sum")
try:
    print(read_scale())
except TypeError as e:
    print("TypeError:", e)


def uses_any():
    return any([0, 1]), abs(-3)


print(uses_any())
for name in ["a%d" % j for j in range(40)]:
    globals()[name] = 1  # new keys: the globals' table grows
print(uses_any())
builtins.abs = lambda x: "abs"
print(uses_any())

code = compile("def f():\n    return (min(3, 4), VALUE)\n", "<dyn>", "exec")
ns1 = {"VALUE": 1}
ns2 = {"VALUE": 2, "__builtins__": {"min": lambda a, b: "own min"}}
exec(code, ns1)
exec(code, ns2)
for _ in range(3):
    print(ns1["f"](), ns2["f"]())
ns1["__builtins__"] = {"min": lambda a, b: "swapped"}
print(ns1["f"]())
ns1["__builtins__"] = builtins
print(ns1["f"]())
ns1["__builtins__"] = {"min": max}
print(ns1["f"]())


def counter_loop(n):
    global COUNT
    for k in range(n):
        COUNT = k
        peek()
    return SEEN


def peek():
    SEEN.append(COUNT)


SEEN = []
COUNT = 0
print(counter_loop(6))
