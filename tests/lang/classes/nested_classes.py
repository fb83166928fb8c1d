class Outer:
    class Inner:
        class Deep:
            pass
        def meth(self):
            return "inner meth"
    def make(self):
        return self.Inner()

print(Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer.Inner.__name__)
print(Outer().make().meth())
def factory(n):
    class Made:
        value = n
        def get(self):
            return self.value
    return Made
A, B = factory(1), factory(2)
print(A().get(), B().get(), A is B, A.__qualname__)
print(repr(Outer.Inner).startswith("<class '__main__.Outer.Inner'"))
print(Outer.Inner)
