# math functions beyond the basics: gamma, lgamma, erf, erfc against
# CPython's own results (bit for bit), plus the 3.8 integer functions.
import math

xs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 5.0, 10.5, 23.0, 24.0, 30.25, 100.1, 140.5, 171.5, 0.001, 1e-21,
      -0.5, -1.5, -2.25, -10.1, -150.3, -200.5, -250.25, 1e-300, 7.9]
for x in xs:
    out = []
    for f in (math.gamma, math.lgamma):
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(x, *out)

for x in [0.0, -0.0, 1e-310, 1e-20, 1e-8, 0.1, 0.25, 0.3, 0.5, 0.84, 0.85, 1.0, 1.2, 1.25, 1.3, 2.0, 2.8, 2.9,
          3.5, 5.9, 6.0, 10.0, 27.0, 28.0, 30.0, -0.1, -0.3, -0.9, -1.3, -2.0, -3.0, -5.0, -6.5, -30.0,
          float("inf"), float("-inf")]:
    print(x, math.erf(x), math.erfc(x))
print(math.isnan(math.erf(float("nan"))), math.isnan(math.erfc(float("nan"))), math.isnan(math.gamma(float("nan"))))
print(math.gamma(float("inf")), math.lgamma(float("inf")), math.lgamma(float("-inf")))
for call in ["math.gamma(0)", "math.gamma(-0.0)", "math.gamma(-3)", "math.gamma(float('-inf'))", "math.gamma(171.7)",
             "math.lgamma(0)", "math.lgamma(-2)", "math.lgamma(1)", "math.lgamma(2)", "math.lgamma(1e308)",
             "math.gamma('x')", "math.erf()", "math.erf(1, 2)", "math.gamma(True)", "math.erfc(10**400)",
             "math.isqrt(10**40)", "math.comb(50, 20)", "math.perm(10, 3)", "math.perm(5)", "math.prod([1, 2, 3], start=2)",
             "math.dist((0, 0), (3, 4))", "math.remainder(7, 2)", "math.comb(5, -1)"]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "!", type(e).__name__, e)
s = 0.0
for i in range(1, 2000):
    s += math.erf(i / 1000) + math.lgamma(i / 10)
print(s)

# Bit-exact checksums over a sweep (struct gives the bits).
import struct

def bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]

for name, f, lo, hi in [("erf", math.erf, -700, 700), ("erfc", math.erfc, -700, 3000),
                        ("gamma", math.gamma, 1, 1700), ("lgamma", math.lgamma, -1699, 3000)]:
    check = 0
    for i in range(lo, hi):
        x = i / 97 + 0.003
        check = (check * 31 + bits(f(x))) % (2**61 - 1)
    print(name, check)
