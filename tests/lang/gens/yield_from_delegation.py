# yield from passes send, throw and close through to the subgenerator,
# returns its return value, and works with any iterable.
def inner():
    received = []
    try:
        while True:
            x = yield len(received)
            if x is None:
                break
            received.append(x)
    except KeyError as e:
        print("inner caught", e)
        yield "after KeyError"
    finally:
        print("inner finally")
    return received


def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "outer done"


g = outer()
print(next(g), g.send("a"), g.send("b"))
print(g.throw(KeyError("k")))
print(next(g))
print(list(g))

g = outer()
next(g)
g.send(1)
g.close()
print("closed")


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(2), (x * x for x in range(3)))))


def delegate_to_iterator():
    r = yield from iter([10, 20])
    return r


d = delegate_to_iterator()
print(next(d))
try:
    d.send(5)
except AttributeError as e:
    print("AttributeError", e)


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))


def throw_to_plain():
    yield from [1, 2, 3]


t = throw_to_plain()
next(t)
try:
    t.throw(ValueError("into list iterator"))
except ValueError as e:
    print("ValueError", e)
