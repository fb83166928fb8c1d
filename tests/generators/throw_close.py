def counter():
    n = 0
    try:
        while True:
            n += 1
            got = yield n
            if got == "reset":
                n = 0
    except GeneratorExit:
        print("closing at", n)
        raise

c = counter()
print(next(c), next(c), c.send("reset"), next(c))
c.close()
c.close()
print(list(c))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def deleg():
    try:
        yield from counter()
    finally:
        print("outer finally")

d = deleg()
print(next(d), next(d))
try:
    d.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(next(d, "exhausted"))

def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)

def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print(e)
