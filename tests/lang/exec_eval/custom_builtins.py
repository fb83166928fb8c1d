# exec/eval look builtins up through the __builtins__ of their globals:
# a dict, a module, or one that lacks a name.
import builtins

try:
    exec("print(1)", {'__builtins__': {}})
except NameError as e:
    print("NameError", e)


def shout(*args):
    builtins.print("custom", *args)


exec("print(1, 2)", {'__builtins__': {'print': shout}})
exec("print('module')", {'__builtins__': builtins})
print(eval("len", {'__builtins__': {'len': 42}}))
try:
    eval("abs(1)", {'__builtins__': {'len': 42}})
except NameError as e:
    print("NameError", e)
g = {}
exec("x = 1", g)
print(type(g['__builtins__']).__name__, g['__builtins__'] is builtins.__dict__)

# Functions defined by exec'd code keep seeing their globals' builtins.
ns = {'__builtins__': {'len': lambda x: 'fake len', 'range': range}}
exec("def f(seq):\n    return len(seq)\ndef g():\n    return [i for i in range(3)]\n", ns)
print(ns['f']([1, 2]), ns['g']())
try:
    exec("def h():\n    return sorted([2, 1])\n", ns)
    ns['h']()
except NameError as e:
    print("NameError", e)


class Tracking(dict):
    def __missing__(self, key):
        return 'missing:' + key


ns = {'__builtins__': Tracking(abs=abs)}
print(eval("abs(-3)", ns))
exec("r = (abs(-1), min)", ns)
print(ns['r'])
print(eval("__builtins__['abs'] is abs", {'__builtins__': {'abs': abs}}))
# A local mapping in front of custom builtins.
print(eval("a + len", {'__builtins__': {'len': 10}}, {'a': 1}))
