# format() and __format__: the spec is passed through; object's default
# rejects a non-empty spec; str.format field access and conversions.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "eur":
            return "%d.%02d EUR" % divmod(self.cents, 100)
        return format(self.cents / 100, spec)

    def __str__(self):
        return "Money(%d)" % self.cents


m = Money(12345)
print(format(m), format(m, "eur"), format(m, ".1f"), "{:>10.2f}|".format(m))
print("{0!s} {0!r:.8}... {0:eur}".format(m))


class Plain:
    pass


try:
    format(Plain(), "d")
except TypeError as e:
    print("TypeError", e)
print(format(Plain(), "").startswith("<__main__.Plain"))
print("{a[0]} {b.cents} {c[key]}".format(a=[1], b=m, c={"key": "v"}))
print("{:*^11}".format("mid"), "{:+d}".format(5), "{:.3%}".format(0.25), "{:e}".format(12345.678))
print("{:,.2f}".format(1234567.891), "{:_x}".format(2 ** 32), "{:c}".format(97), "{:=+8d}".format(-42))
try:
    "{}".format()
except IndexError as e:
    print("IndexError", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    format(3, "s")
except ValueError as e:
    print("ValueError", e)


class BadFormat:
    def __format__(self, spec):
        return 42


try:
    format(BadFormat())
except TypeError as e:
    print("TypeError", e)
print(format(True, "d"), format(1.5, ""), format(10, ""), format(None, ""))
