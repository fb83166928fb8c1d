# exec and eval with globals and locals dicts, return values, the
# __builtins__ entry, and names defined by exec in a function's frame.
g = {"x": 2}
print(eval("x * 10", g))
print("__builtins__" in g)
l = {"y": 3}
print(eval("x + y", g, l))
exec("z = x + y\ndef f(): return z", g, l)
print(sorted(l), l["z"])
try:
    l["f"]()
except NameError as e:
    print("NameError", e)
exec("w = 1")
print(w)


code = compile("a + 1", "<calc>", "eval")
print(eval(code, {"a": 41}), code.co_filename, code.co_name)
block = compile("for i in range(3): total += i", "<loop>", "exec")
ns = {"total": 0}
exec(block, ns)
print(ns["total"])
single = compile("1 + 1", "<single>", "single")
exec(single)
print(eval("[k for k in range(n)]", {"n": 3}))
print(eval("lambda q: q * 2")(21))
restricted = {"__builtins__": {"len": len}}
print(eval("len('abc')", restricted))
print(eval("  7 + 1  "), eval(b"2 ** 10"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    exec(42)
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", [])
except TypeError as e:
    print("TypeError", e)
