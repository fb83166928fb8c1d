x = "hi"
print(f"{x!r:^10}|")
try:
    raise ValueError
except ValueError as e:
    e = 5
print("e" in dir())
f = lambda *, k=3: k
print(f(), f(k=4))
print([(a, b) for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]])
def g(a=1 if True else 2): return a
print(g())
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", o)
print(E(1) in [0, 1], E(2) in [E(2)], [1, 2].index(E(2)) if hasattr([], "index") else "-")
class H(E):
    pass
class H2(E):
    def __eq__(self, o): return super().__eq__(o)
print(H.__hash__ is None, H2.__hash__)
d = {}
class Coll:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, Coll) and self.v == o.v
    def __repr__(self): return f"C{self.v}"
for i in range(5):
    d[Coll(i)] = i
print(d, d[Coll(3)], Coll(7) in d)
del d[Coll(2)]
print(d)
class P:
    @property
    def p(self):
        raise AttributeError("nope")
print(getattr(P(), "p", "default"), hasattr(P(), "p"))
class WeirdEq:
    def __eq__(self, o): return [1]
if WeirdEq() == 1:
    print("truthy list eq")
print(WeirdEq() != 1)
class LtRaise:
    def __lt__(self, o): raise ValueError("no order")
try:
    sorted([LtRaise(), LtRaise()])
except ValueError as e:
    print(e)
print(1 if [] else 2, 3 if [0] else 4)
a = b = c = 0
a += b or 5
print(a)
print((lambda: (yield))() if False else "no gen")
print(type(...).__name__, type(NotImplemented).__name__, bool(NotImplemented) if False else "")
print(isinstance(True, int), True is 1 == 1 if False else "", int.__name__)
print(repr(1.0), repr(1e22), repr(-0.0), 1e-7, 123456789.123456789)
print(int.__mro__, bool.__mro__)
