def len(x):
    return 42

print(len([1, 2]))
del len
print(len([1, 2]))

def f():
    print = lambda *a: None
    print("hidden")
    return "done"

print(f())
import builtins
print(builtins.len("abc"))
