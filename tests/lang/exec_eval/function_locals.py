# exec() inside a function writes into the frame's locals dict, not its
# variables; locals() returns that same dict, refreshed from the variables.
def f():
    x = 1
    exec("x = 2; y = 3")
    print(x)
    l = locals()
    print(l['x'], l['y'])
    exec("z = 5")
    print(locals() is l, sorted(l))
    print('y' in locals(), eval("y"), eval("x"))


f()


def g():
    a = 1
    l1 = locals()
    a = 2
    l2 = locals()
    print(l1 is l2, l1['a'])
    del a
    print('a' in locals(), l1 is locals())


g()


def closure():
    v = 'outer'

    def inner():
        w = v
        exec("w = 'changed'")
        return w, sorted(locals())
    return inner()


print(closure())


def explicit():
    d = {}
    exec("q = 1", globals(), d)
    print(d, 'q' in locals())
    exec("q2 = 2", None, d)
    print(sorted(d))


explicit()


def loop():
    total = 0
    for i in range(3):
        exec("total_seen = total + i")
        total += locals()['total_seen']
    print(total)


loop()


def gen():
    x = 1
    exec("y = x + 1")
    yield locals()['y']
    x = 10
    yield sorted(locals().items())


print(list(gen()))
