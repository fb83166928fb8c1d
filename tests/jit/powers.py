# `x ** y` in traced loops: constant whole exponents with bases of either
# sign, squares of ints that grow into big ints, and the exits that raise.


def squares(values):
    total = 0.0
    for v in values:
        total += v ** 2
    return total


def cubes(values):
    out = []
    for v in values:
        out.append(v ** 3)
    return out


def inverse_squares(values):
    out = []
    for v in values:
        try:
            out.append(v ** -2)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


def int_squares(n, start):
    out = []
    x = start
    for _ in range(n):
        out.append(x ** 2)
        x = x * 3 + 1
    return out


def float_exponent(values, e):
    out = []
    for v in values:
        try:
            out.append(v ** e)
        except (OverflowError, ValueError) as err:
            out.append(type(err).__name__ + ": " + str(err))
    return out


def magnitude(points):
    total = 0.0
    for x, y, z in points:
        total += (x ** 2 + y ** 2 + z ** 2) ** 0.5
    return total


signs = [1.5, -2.25, 0.0, -0.0, 3.0, -1e-3] * 20
print(squares(signs))
print(cubes(signs)[:8])
print(cubes([1, -2, 3, -4] * 10)[:6])
print(inverse_squares([2.0, -4.0, 0.5, 0.0, -8.0] * 8)[:12])
print(int_squares(60, 1)[-3:])
print(int_squares(30, -5)[-2:])
print(float_exponent([2.0, -2.0, 1e200, 4.0] * 10, 0.5)[:8])
print(float_exponent([2.0, -2.0, 1e200, 4.0] * 10, 2.0)[:8])
print(float_exponent([float("nan"), float("inf"), -float("inf"), 3.0] * 10, 2)[:8])
print(magnitude([(i - 10.5, -i * 0.25, (i % 3) - 1) for i in range(50)]))
print(squares([1, 2, -3, True, 2.5] * 10))
