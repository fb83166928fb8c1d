x = "global"

def f():
    global x
    x = "changed"

f()
print(x)

def g():
    global newname
    newname = 42

g()
print(newname)

def h():
    y = 1
    def a():
        nonlocal y
        y = 2
        def b():
            nonlocal y
            y = 3
        b()
    a()
    return y

print(h())

def shadow():
    x = "local"
    def inner():
        return x
    return inner()

print(shadow(), x)

def unbound():
    print(z)
    z = 1

try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def free_unbound():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 1

free_unbound()
try:
    print(undefined_name)
except NameError as e:
    print(e)
