class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(hasattr(p, '__dict__'))
del p.y
try:
    p.y
except AttributeError as e:
    print(e)

class Q(P):
    pass

q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, '__dict__'))

class One:
    __slots__ = "only"
o = One()
o.only = 1
try:
    o.other = 2
except AttributeError as e:
    print(e)

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)

class Base:
    pass
class SlottedChild(Base):
    __slots__ = ("s",)
sc = SlottedChild()
sc.anything = "allowed because Base has a __dict__"
print(sc.anything)

class Both(P):
    __slots__ = ("z",)
b = Both(1, 2)
b.z = 3
print(b.x, b.y, b.z)
try:
    b.w = 4
except AttributeError as e:
    print(e)
print(P.__slots__, Both.__slots__)
