def f():
    x = 1
    exec("x = 2")
    return x
print(f())

def g():
    ns = {"y": 10}
    exec("z = y * 2", ns)
    return ns["z"]
print(g())
g_ns = {}
exec("def h():\n    return 'from exec'\nresult = h()", g_ns)
print(g_ns["result"], "__builtins__" in g_ns)
print(eval("locals_var * 2", {}, {"locals_var": 4}))
x = 5
print(eval("x + 1"), eval("[x for _ in range(2)]"))
def k():
    v = 3
    return eval("v + 1")
print(k())
exec("import sys as _s; print(_s.__name__)")
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print(e)
