# A subclass that overrides the reflected method is tried first, before
# the left operand's method.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return "Num.__add__"

    def __radd__(self, other):
        return "Num.__radd__"

    def __sub__(self, other):
        return "Num.__sub__"


class Sub(Num):
    def __radd__(self, other):
        return "Sub.__radd__"


class SubNoOverride(Num):
    pass


print(Num(1) + Sub(2))
print(Num(1) + SubNoOverride(2))
print(Num(1) - Sub(2))
print(1 + Num(1))
print(Sub(1) + Num(2))


class Vec(tuple):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))

    def __radd__(self, other):
        return "Vec.__radd__ with " + type(other).__name__


print(Vec((1, 2)) + Vec((3, 4)))
print((1, 2) + Vec((3, 4)))
