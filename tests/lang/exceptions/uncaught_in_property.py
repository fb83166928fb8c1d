class Lazy:
    @property
    def value(self):
        return self.compute()
    def compute(self):
        return [][0]

print(Lazy().value)
