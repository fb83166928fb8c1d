# cmath: every 3.8 function over ordinary points, huge and tiny points,
# and the special values (infinities, NaNs, signed zeros), with errors.
import cmath
import math

inf, nan = float("inf"), float("nan")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10",
         "sin", "sinh", "sqrt", "tan", "tanh"]
points = [0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1 + 0j, -1 + 0j, 0.5 + 0.25j, -2.5 + 1.5j, 3 - 4j,
          -0.3 - 0.7j, 1j, -1j, 1e-310 + 1e-310j, 1e300 + 1e300j, -1e300 + 2j, 1.5e308 - 1.5e308j, 710 + 1j,
          -710 - 1j, 0.7 + 0.7j, 1 + 1e-200j, 2, -3, 0.25]
specials = [inf, -inf, nan, 0.0, -0.0, 2.0, -2.0]
for x in specials:
    for y in specials:
        points.append(complex(x, y))

def show(v):
    if isinstance(v, complex):
        return "(%r, %r)" % (v.real, v.imag)
    return repr(v)

for name in names:
    f = getattr(cmath, name)
    for z in points:
        try:
            r = show(f(z))
        except (ValueError, OverflowError) as e:
            r = type(e).__name__ + ": " + str(e)
        print(name, show(z), r)

for z in points[:20]:
    try:
        polar = cmath.polar(z)
    except OverflowError as e:
        polar = str(e)
    print("polar/phase", show(z), polar, cmath.phase(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for r in specials + [1.5]:
    for phi in specials + [0.5]:
        try:
            out = show(cmath.rect(r, phi))
        except (ValueError, OverflowError) as e:
            out = type(e).__name__ + ": " + str(e)
        print("rect", r, phi, out)

calls = ["cmath.sqrt('x')", "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.log(1, 2, 3)", "cmath.log('x')",
         "cmath.log(0)", "cmath.rect('a', 1)", "cmath.isclose(1, 2, rel_tol=-1)", "cmath.isclose(1)",
         "cmath.polar(1e308+1e308j)", "cmath.exp(1000)", "cmath.log(1, 0)", "cmath.log(1, 1)", "cmath.sqrt(10**400)",
         "cmath.phase('x')", "cmath.isclose(1, 1, 1)", "cmath.log(8, 2)", "cmath.log(-1j, 1+1j)",
         "cmath.isclose(1+1j, 1+1.000000001j)", "cmath.isclose(1j, 1.1j, abs_tol=0.2)", "cmath.isclose(inf, inf)",
         "cmath.isclose(complex(inf, 1), complex(inf, 2))", "cmath.polar(complex(inf, nan))", "cmath.sqrt(True)"]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

class Z:
    def __complex__(self):
        return 3 + 4j

class F:
    def __float__(self):
        return 2.0

print(cmath.sqrt(Z()), cmath.exp(F()), abs(cmath.exp(cmath.pi * 1j) + 1) < 1e-15)
