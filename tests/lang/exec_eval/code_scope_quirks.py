# exec/eval of code objects with free variables, and CPython's rule that a
# `global` declaration anywhere in a module makes the module's own uses of
# that name global (visible when exec gets separate globals and locals).


def f(x):
    return lambda: x + 1


g = f(3)
for run in (eval, exec):
    try:
        run(g.__code__, {})
    except TypeError as e:
        print("TypeError:", e)

src = """if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
"""
globs, locs = {}, {}
exec(src, globs, locs)
print(sorted(globs.keys() - {"__builtins__"}), sorted(locs))
print(globs["y"], locs["result9"], locs["result2"])

src2 = """if 1:
    x = 7
    def h():
        def i():
            global x
            return x
        return i()
    z = h()
"""
globs, locs = {}, {}
exec(src2, globs, locs)
print(sorted(globs.keys() - {"__builtins__"}), sorted(locs))
print(globs["x"], locs["z"])

# Without any `global`, module-level names stay in the locals mapping.
globs, locs = {}, {}
exec("a = 1\nb = a + 1", globs, locs)
print(sorted(globs.keys() - {"__builtins__"}), locs)
