# pow(a, b, m): __pow__ called with the modulus, __rpow__ never tried,
# float/complex refuse a modulus, and the three-type error message.
class P:
    def __pow__(self, o, mod=None):
        return ('pow', o, mod)

    def __rpow__(self, o, mod=None):
        return ('rpow', o, mod)


class Q(int):
    pass


class NI:
    def __pow__(self, o, mod=None):
        return NotImplemented


print(pow(P(), 2, 3), P().__pow__(2, 3), pow(P(), 2), pow(2, P()), P() ** 5)
print(pow(Q(3), 4, 5), pow(3, Q(4), 5), pow(3, 4, Q(5)))
print(pow(2, 10, 7), pow(2, -1, 7), pow(-3, 3, 5), pow(True, 2, 3), pow(base=3, exp=2, mod=4))
cases = [(2, P(), 3), (2, 3, P()), (2.0, 3, 4), (2, 3.0, 4), (2, 3, 4.0), ('a', 3, 4),
         (2, 'b', 4), (2, 3, 'c'), (NI(), 2, 3), (1j, 2, 3), (2, 1j, 3), ([], {}, ()),
         (2, 3, 0), (2, -1, 4), (P(), 'x', 'y'), (2, 3, None)]
for a, b, m in cases:
    try:
        print(pow(a, b, m))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
