print(eval("1 + 2 * 3"))
print(eval("x * 2", {"x": 21}))
print(eval("y + z", {"y": 1}, {"z": 2}))
ns = {}
exec("a = 5\ndef f(b):\n    return a + b\n", ns)
print(ns["a"], ns["f"](10))
exec("print('exec prints', 1 + 1)")
g = {"v": 1}
exec("v += 1; w = v * 10", g)
print(g["v"], g["w"])
def scope():
    loc = {}
    exec("q = 7", globals(), loc)
    return loc
print(scope())
try:
    exec("def f(:\n  pass")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    eval("undefined_name_here")
except NameError as e:
    print(e)
print(eval("[i * i for i in range(4)]"))
print(eval("lambda q: q + 1")(1))
