def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())

def make():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs

print([f() for f in make()])

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()

print(outer())

def cell_arg(a):
    def g():
        return a * 2
    a += 1
    return g()

print(cell_arg(5))

def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get

add, get = shared()
add(1); add(2)
print(get())
