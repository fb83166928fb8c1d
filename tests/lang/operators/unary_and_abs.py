# Unary operators and the numeric conversions: __neg__, __pos__,
# __invert__, __abs__, __int__, __float__, __complex__, __round__, and
# the errors for results of the wrong type.
class N:
    def __neg__(self):
        return "neg"

    def __pos__(self):
        return "pos"

    def __invert__(self):
        return "invert"

    def __abs__(self):
        return "abs"

    def __int__(self):
        return 7

    def __float__(self):
        return 2.5

    def __complex__(self):
        return 1j

    def __round__(self, n=None):
        return ("round", n)


n = N()
print(-n, +n, ~n, abs(n), int(n), float(n), complex(n), round(n), round(n, 2))


class BadInt:
    def __int__(self):
        return "x"

    def __float__(self):
        return 1

    def __index__(self):
        return 1.5


for f in (int, float, complex, bin):
    try:
        print(f(BadInt()))
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
print(-True, +False, ~True, abs(-3.5), abs(-7), -(-0.0))
try:
    abs("s")
except TypeError as e:
    print("TypeError:", e)
try:
    round("s")
except TypeError as e:
    print("TypeError:", e)
