# decimal through _pydecimal: arithmetic, quantize, contexts, signals, str/repr.
import decimal
from decimal import Decimal as D, localcontext, getcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation

print(D("1.1") + D("2.2"), D("10") / D("3"), D(1) / D(7), D("2").sqrt(), D("-7.5") // D(2), D("-7.5") % D(2))
print(repr(D("3.14")), repr(D(0.1)), D(10) ** 20, D("1e3"), D("1E+3").normalize(), D("0.000"), D("-0"))
print(D("1.23456").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP),
      D("7.89").quantize(D("1"), rounding=ROUND_DOWN), D("123.456").quantize(D("1e1")))
print(D("NaN"), D("-Infinity"), D("sNaN"), D("inf") > 10**100, D("nan").is_nan(), D(5).is_finite())
print(D("1.50").as_tuple(), D((0, (1, 4), -1)), D("12.5").adjusted(), D("-3").copy_abs(), D("3").copy_negate())
print(D(2).exp(), D(10).ln(), D(1000).log10(), D("1.000").to_integral_value(), D("0.5").to_integral_value())
print(round(D("2.5")), round(D("3.14159"), 3), int(D("-9.9")), float(D("0.1")), D(3).max(D(4)), D(3).compare(D(4)))
print(D("1.2345").scaleb(2), D("100").to_eng_string(), D("1e7").to_eng_string(), D("123E-10"), D("0.00001"))
print(sum([D("0.1")] * 10), D("0.1") * 3 == D("0.3"), 0.1 * 3 == 0.3, D(1) == 1, D("1.0") == 1.0, hash(D(5)) == hash(5))
print(sorted([D("3"), D("-1.5"), D("2.25")]), D("5").fma(2, 1), D(7).remainder_near(2), divmod(D(7), D(-2)))
print(format(D("1234.5678"), ",.2f"), format(D("0.000123"), ".2e"), "{:>10}".format(D("1.5")), f"{D('42'):%}")

with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), D("123456789") + 0, ctx.prec)
    ctx.rounding = decimal.ROUND_CEILING
    print(D(2) / D(3), D(-2) / D(3))
print(getcontext().prec, getcontext().rounding, D(1) / D(3))
ctx = decimal.Context(prec=3, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.DivisionByZero])
print(ctx.add(D("1.005"), 0), ctx.divide(D(2), 3), ctx.create_decimal("3.14159"), ctx.power(2, 10))
# _pydecimal keeps flags as 0/1 where the C module has False/True.
print(bool(ctx.flags[decimal.Inexact]), bool(ctx.flags[decimal.Rounded]))
for bad in (lambda: D(1) / D(0), lambda: D("abc"), lambda: D(-1).sqrt(), lambda: D("1e999999999") * D("1e999999999"),
            lambda: D(1).quantize(D("1e-1000")), lambda: D(1) < "x", lambda: ctx.divide(1, 0)):
    try:
        print(bad())
    except (decimal.DecimalException, TypeError) as e:
        print(type(e).__name__, e.__class__.__mro__[1].__name__)
nt = decimal.Context(traps=[])
print(nt.divide(D(1), D(0)), nt.divide(D(0), D(0)), bool(nt.flags[decimal.DivisionByZero]), nt.sqrt(D(-4)))
print(decimal.MAX_PREC, decimal.DefaultContext.prec, D.from_float(0.25), D(1).next_plus() if False else "", D("1.10").normalize())
c = getcontext()
print(c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp, sorted(t.__name__ for t, v in c.traps.items() if v))
