# The math module of CPython 3.8: values and error behaviour.
import math

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, math.nan)
for name in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "degrees", "radians", "floor", "ceil", "trunc", "modf", "frexp", "isfinite", "isinf", "isnan"]:
    f = getattr(math, name)
    for x in [0.5, 2, -1.5, 0.0, 1e308, 10**400, float("inf"), float("nan"), True]:
        show(name + "(" + repr(x)[:12] + ")", lambda: f(x))
show("sqrt str", lambda: math.sqrt("x"))
show("sqrt none", lambda: math.sqrt())
show("sqrt two", lambda: math.sqrt(1, 2))
show("log base", lambda: (math.log(8, 2), math.log(100, 10), math.log(2**1000, 2), math.log(10**400)))
show("log base 1", lambda: math.log(5, 1))
show("log zero", lambda: math.log(0))
show("log neg int", lambda: math.log(-10**400))
for a, b in [(1.0, 2.0), (-3.0, 0.5), (0.0, -1.0), (2.0, 1e6), (float("inf"), 0.0), (7.0, 0.0), (-0.0, 1.0)]:
    for name in ["atan2", "copysign", "fmod", "pow", "remainder"]:
        f = getattr(math, name)
        show(name + repr((a, b)), lambda: f(a, b))
show("isclose", lambda: (math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf)))
show("isclose neg", lambda: math.isclose(1, 2, rel_tol=-1))
show("ldexp", lambda: (math.ldexp(1.0, 10), math.ldexp(0.75, -1074), math.ldexp(3, -1075), math.ldexp(-1.0, 2)))
show("ldexp big", lambda: math.ldexp(1.0, 1024))
show("ldexp float", lambda: math.ldexp(1.0, 1.5))
show("fsum", lambda: (math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum(range(10)), math.fsum([math.inf, 1])))
show("fsum infs", lambda: math.fsum([math.inf, -math.inf]))
show("fsum overflow", lambda: math.fsum([1e308, 1e308]))
show("hypot", lambda: (math.hypot(3, 4), math.hypot(), math.hypot(-2), math.hypot(1, 2, 3), math.hypot(math.inf, math.nan), math.hypot(1e200, 1e200)))
show("dist", lambda: (math.dist((0, 0), (3, 4)), math.dist((1.5,), (0.5,))))
show("dist bad", lambda: math.dist((0, 0), (1,)))
show("dist type", lambda: math.dist([0], (1,)))
show("factorial", lambda: (math.factorial(0), math.factorial(20), math.factorial(30), math.factorial(5.0)))
show("factorial neg", lambda: math.factorial(-1))
show("factorial frac", lambda: math.factorial(1.5))
show("gcd", lambda: (math.gcd(12, 18), math.gcd(-4, 6), math.gcd(0, 0), math.gcd(2**100, 2**60 * 3)))
show("gcd float", lambda: math.gcd(1.5, 2))
show("isqrt", lambda: (math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40)))
show("isqrt neg", lambda: math.isqrt(-1))
show("comb", lambda: (math.comb(5, 2), math.comb(5, 7), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5)))
show("comb neg", lambda: math.comb(-1, 2))
show("perm neg", lambda: math.perm(3, -2))
show("prod", lambda: (math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod([2, 3], start=10), math.prod(["ab", 2])))
show("floor obj", lambda: math.floor(type("F", (), {"__floor__": lambda self: 42})()))
show("floor inf", lambda: math.floor(math.inf))
show("ceil nan", lambda: math.ceil(math.nan))
show("trunc obj", lambda: math.trunc([]))
