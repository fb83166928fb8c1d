# ** and pow() through the special-method protocol: reflected operands,
# subclass priority, in-place power, NotImplemented, and error messages.
class Num:
    def __init__(self, v):
        self.v = v

    def __pow__(self, other, mod=None):
        if isinstance(other, Num):
            other = other.v
        if not isinstance(other, int):
            return NotImplemented
        return Num(pow(self.v, other, mod))

    def __rpow__(self, other):
        return Num(other ** self.v)

    def __ipow__(self, other):
        self.v **= other
        return self

    def __repr__(self):
        return 'Num(%r)' % self.v


class Sub(Num):
    def __rpow__(self, other):
        return 'Sub.__rpow__'


print(Num(2) ** 10, 2 ** Num(3), pow(Num(3), 4, 5), pow(Num(2), Num(5)))
n = Num(3)
n **= 2
print(n)
print(Num(2) ** Sub(3))
for a, b in [(Num(2), 'x'), ('x', Num(2)), ([], 2), (2, None)]:
    try:
        print(a ** b)
    except TypeError as e:
        print("TypeError", e)
try:
    x = []
    x **= 2
except TypeError as e:
    print("TypeError", e)
print(2 ** -2, (-8) ** (1 / 3) if False else '', 0 ** 0, 2.0 ** 0.5, (-2) ** 2, 10 ** 20)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print((-1) ** 0.5, pow(-8, 1 / 3))
