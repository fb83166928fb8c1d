def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

g = gen(3)
print(next(g))
print(g.send("hello"))
print(list(gen(5)))
def outer():
    r = yield from gen(2)
    print("inner returned", r)
    yield 99
print(list(outer()))
print(sum(x * x for x in range(10)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def g2():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g2()
print(next(it))
it.close()
def g3():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
it = g3()
next(it)
print(it.throw(ValueError("boom")))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
print(dict((k, v) for k, v in zip("abc", range(3))))
