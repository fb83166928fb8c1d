# Augmented assignment: __iadd__ first, NotImplemented falls back to
# __add__ then __radd__; the result is rebound; mutable vs immutable.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        if isinstance(other, str):
            return NotImplemented
        self.items.append(other)
        return self

    def __add__(self, other):
        return "Acc.__add__(%r)" % (other,)


a = Acc()
ref = a
a += 1
a += 2
print(a is ref, a.items)
a += "text"
print(a)


class OnlyRadd:
    def __radd__(self, other):
        return "radd from " + repr(other)


x = 5
x += OnlyRadd()
print(x)


class ReturnsOther:
    def __imul__(self, other):
        return "replaced"


r = ReturnsOther()
r *= 3
print(r)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
l = [1]
l2 = l
l += (2, 3)
print(l, l is l2)
try:
    l = [1]
    l = l + (2,)
except TypeError as e:
    print("TypeError:", e)
for op in ("-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    try:
        v = object()
        exec("v " + op + " 1")
    except TypeError as e:
        print(op, "TypeError:", e)
d = {"k": [1]}
d["k"] += [2]
print(d)


class Obj:
    pass


o = Obj()
o.n = 1
o.n <<= 3
print(o.n)
s = {1, 2}
s |= {3}
s &= {2, 3}
s -= {2}
s ^= {5}
print(sorted(s))
