# fractions: construction from many kinds, arithmetic, limit_denominator, mixing with floats.
from fractions import Fraction as F
from decimal import Decimal
import math

print(F(3, 4), F(-6, 8), F(5), F("3/7"), F(" -1.25 "), F("2e-3"), F(0.5), F(Decimal("1.1")), F(F(1, 3), F(2, 3)))
print(repr(F(1, 3)), F(1, 3) + F(1, 6), F(1, 3) - 1, F(2, 3) * F(3, 4), F(1, 2) / F(1, 4), F(7, 2) // 2, F(7, 2) % F(2, 3))
print(F(2, 3) ** 3, F(4, 9) ** F(1, 2), F(2, 3) ** -2, 2 ** F(1, 2), F(-8, 27) ** F(1, 3) if False else "", abs(F(-1, 2)), -F(1, 2))
print(F(1, 3) + 0.5, 0.25 + F(1, 4), F(1, 2) == 0.5, F(1, 3) < 0.34, F(1, 2) > F(1, 3), F(1, 1) == 1)
print(F(3.141592653589793).limit_denominator(1000), F(math.pi).limit_denominator(100), F(1, 3).limit_denominator(2))
print(F(7, 3).numerator, F(7, 3).denominator, F(10, 4).as_integer_ratio() if hasattr(F, "as_integer_ratio") else "",
      int(F(-7, 2)), float(F(1, 8)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 2), math.floor(F(-7, 2)), math.ceil(F(-7, 2)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), {F(1, 2): "half"}[0.5], bool(F(0)), bool(F(1, 9)))
print(sorted([F(1, 2), F(1, 3), F(2, 3), 0.4]), sum(F(1, n) for n in range(1, 8)), max(F(5, 3), 1.6))
print(F.from_float(0.1), F.from_decimal(Decimal("0.1")), F(1, 10) == 0.1, str(F(10, 1)))
print(divmod(F(17, 3), F(2, 5)), F(3, 4).__floor__(), format(float(F(1, 7)), ".6f"), math.trunc(F(-9, 4)))
for bad in (lambda: F(1, 0), lambda: F("1/0"), lambda: F("abc"), lambda: F(1.5, 2), lambda: F(float("nan")),
            lambda: F(float("inf")), lambda: F(1) / 0, lambda: F(1, 2) + "x"):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)


class Money(F):
    def __repr__(self):
        return "Money(%s)" % self


m = Money(5, 2)
print(repr(m), type(m + 1).__name__, m.numerator)
