# exec/eval scoping corners: class bodies, nested functions, comprehensions
# in eval with separate locals, compile() objects reused, globals() writes.
code = compile("result = [n * k for n in range(3)]", "<s>", "exec")
ns = {'k': 10}
exec(code, ns)
print(ns['result'])
try:
    exec(code, {}, {'k': 2})
except NameError as e:
    print("NameError", e)


class Body:
    exec("inside = 42")
    value = eval("inside + 1")


print(Body.inside, Body.value)


def outer():
    secret = 'closure'

    def inner():
        return eval("secret")
    try:
        return inner()
    except NameError as e:
        return "NameError " + str(e)


print(outer())


def writes_global():
    exec("global G\nG = 'set'")
    return G


print(writes_global())
print(eval("(lambda x: x * 2)(21)"))
loc = {}
exec("def f():\n    return 'from f'\n", None, loc)
print(loc['f']())
print(eval("__name__"), eval("__name__", {}) if False else '')
g = {'__name__': 'custom'}
exec("def who():\n    return __name__\n", g)
print(g['who'](), g['who'].__module__)
print(sorted(k for k in eval("globals()", {'a': 1}) if k != '__builtins__'))
print(eval("x + y", {'x': 1}, {'y': 2}), eval("[x for _ in 'ab']", {'x': 5}, {}))
