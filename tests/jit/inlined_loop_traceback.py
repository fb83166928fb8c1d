# An exception raised inside a loop of an inlined call: the traceback names
# every frame with its line, as the interpreter's would.


def ratio(xs, d):
    r = 0
    for x in xs:
        r += x // d
    return r


def run():
    acc = 0
    for i in range(100):
        acc += ratio([4, 8, 12], 2 - i // 99 * 2)
    print(acc)


run()
