globals()["dynamic"] = 42
print(dynamic)
g = globals()
g["other"] = "via alias"
print(other, g is globals())
def f():
    return undefined_at_def
globals()["undefined_at_def"] = "late binding"
print(f())
del globals()["dynamic"]
try:
    dynamic
except NameError as e:
    print(e)
import builtins
builtins.custom_builtin = "from builtins"
print(custom_builtin)
def uses_builtin():
    return custom_builtin
print(uses_builtin())
del builtins.custom_builtin
try:
    uses_builtin()
except NameError as e:
    print(e)
