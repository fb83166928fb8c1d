class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "long":
            return f"{self.cents // 100} dollars and {self.cents % 100} cents"
        return format(self.cents / 100, spec)
    def __str__(self):
        return f"${self.cents / 100:.2f}"

m = Money(1234)
print(f"{m}", f"{m:long}", f"{m:>10.1f}", format(m), "{:long}".format(m), "{0!s:>12}".format(m))
class NoFormat:
    pass
try:
    f"{NoFormat():>5}"
except TypeError as e:
    print(e)
print(format(3.14159, ".3"), format(42, "08b"), format("s", "^5"), format(1234567, ","))
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print(e)
