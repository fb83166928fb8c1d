x = "global x"
def outer():
    x = "outer x"
    def inner():
        global x
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer())

def later_binding():
    def get():
        return value
    value = "bound after def"
    return get()
print(later_binding())

def nonlocal_later():
    def setter():
        nonlocal v
        v = "set by inner"
    v = "initial"
    setter()
    return v
print(nonlocal_later())

class K:
    items = ["a", "b"]
    fns = [lambda i=i: i for i in items]
print([f() for f in K.fns])

def param_cell(a, b=2):
    def use():
        return a + b
    a = 10
    return use()
print(param_cell(1))

def shadow_builtin():
    len = lambda x: -1
    def inner():
        return len([1, 2])
    return inner()
print(shadow_builtin(), len([1, 2]))

def deleted_cell():
    c = 1
    def read():
        return c
    del c
    try:
        read()
    except NameError as e:
        return str(e)
print(deleted_cell())

def loop_cell():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 100
    return [f() for f in fs]
print(loop_cell())
