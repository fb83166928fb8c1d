# Closures: late binding, nonlocal rebinding across levels, cells shared
# between sibling closures, closures over loop variables and class
# scopes, and __closure__ contents.
def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count
    return inc, get


inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__code__.co_freevars, [c.cell_contents for c in get.__closure__])


def levels():
    x = "level0"

    def one():
        def two():
            nonlocal x
            x = "set by two"
        two()
        return x
    return one(), x


print(levels())
adders = []
for i in range(3):
    adders.append(lambda n: n + i)
print([a(10) for a in adders])


def bind_now():
    return [(lambda i=i: i) for i in range(3)]


print([f() for f in bind_now()])


class Scope:
    y = "class y"

    def method(self):
        try:
            return y
        except NameError as e:
            return "NameError " + str(e)


print(Scope().method())


def unbound_cell():
    def read():
        return later
    try:
        read()
    except NameError as e:
        print("NameError", e)
    later = 1
    return read()


print(unbound_cell())
g = "global"


def shadow():
    global g
    g = "rebound"

    def inner():
        return g
    return inner()


print(shadow(), g)
