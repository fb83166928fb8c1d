# Class calls the JIT follows into: the instance is allocated by a helper and
# __init__ runs inlined; guards failing inside __init__, __init__ replaced
# mid-loop, subclasses, and an __init__ that returns a value.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Q(P):
    pass
class R:
    def __init__(self, v):
        if v > 1000:
            self.big = True
        self.v = v
class Bad:
    def __init__(self, v):
        if v == 900:
            return 5
        self.v = v
def run():
    t = 0
    for i in range(2000):
        p = P(i, i + 1)
        q = Q(i, 2)
        r = R(i)
        t += p.x + p.y + q.x * q.y + r.v
        if i == 1500:
            P.__init__ = lambda self, x, y: setattr(self, 'x', x) or setattr(self, 'y', -y)
    print(t, hasattr(r, 'big'), type(p).__name__, type(q).__name__)
    s = 0
    try:
        for i in range(1000):
            s += Bad(i).v
    except TypeError as e:
        print("TypeError:", e, s)
run()
