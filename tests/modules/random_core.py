# _random.Random: CPython's Mersenne Twister, seeding and state.
import _random

r = _random.Random(1)
print([r.random() for _ in range(3)])
r.seed(12345)
print(r.random(), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100))
r.seed(2**100 + 7)
print(r.random())
r.seed(-5)
a = r.random()
r.seed(5)
print(a == r.random())
r.seed(0)
print(r.random())
r.seed("abc" if False else 3.5)
print(r.random())
s = r.getstate()
print(len(s), s[-1])
x = [r.random() for _ in range(320)]
r.setstate(s)
print(x == [r.random() for _ in range(320)])

class Sub(_random.Random):
    def __init__(self, x):
        self.seed(x)
        self.extra = 1

    def uniform(self, a, b):
        return a + (b - a) * self.random()

t = Sub(42)
print(t.uniform(10, 20), t.extra, isinstance(t, _random.Random))

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("getrandbits 0", lambda: r.getrandbits(0))
show("setstate size", lambda: r.setstate((1, 2)))
show("setstate type", lambda: r.setstate([1]))
show("setstate index", lambda: r.setstate((0,) * 624 + (625,)))
show("random args", lambda: r.random(1))
print(_random.Random().random(), _random.Random(2).random())
