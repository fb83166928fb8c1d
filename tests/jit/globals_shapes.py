# Guards on globals, shapes, type versions and cells failing mid-loop.
K = 3

def use_global(n):
    global K
    t = 0
    for i in range(n):
        t += K
        if i == 50:
            K = 1000            # the globals dict changes
    return t

print(use_global(100))

class P:
    def __init__(self, x):
        self.x = x

def read_x(ps):
    s = 0
    for p in ps:
        s += p.x
    return s

ps = [P(i) for i in range(60)]
q = P(5)
q.y = 1                         # another shape, same type
ps.append(q)
r = P(7)
del r.x
r.x = 9                          # back to a shape with x
ps.append(r)
print(read_x(ps))

class Base:
    def f(self):
        return 1

class Sub(Base):
    pass

def call_f(objs, n):
    s = 0
    for i in range(n):
        s += objs[i % len(objs)].f()
        if i == 40:
            Base.f = lambda self: 100    # class mutated during the loop
    return s

print(call_f([Sub(), Base()], 80))

def closure_sum(n):
    acc = 0
    def add(v):
        nonlocal acc
        acc += v
    for i in range(n):
        add(i)
    return acc

print(closure_sum(100))

class A:
    def who(self):
        return "A"

class B:
    def who(self):
        return "B"

def poly(objs):
    out = []
    for o in objs:
        out.append(o.who())
    return "".join(out)

print(poly([A(), A(), B(), A(), B(), B()] * 15))

def reclass(objs):
    out = []
    for i, o in enumerate(objs):
        out.append(o.who())
        if i == 30:
            o.__class__ = B
    return "".join(out)

print(reclass([A() for _ in range(50)]))
