class C:
    def m(self):
        return self
    def args(self, *a, **k):
        return a, k

c = C()
print(c.m() is c, C.m(c) is c, c.m == c.m, c.m is c.m)
bound = c.args
print(bound(1, x=2))
print(C.args(c, 3))
f = C.__dict__["m"]
print(f(c) is c)
def external(self, v):
    return ("external", v)
C.ext = external
print(c.ext(1))
c.inst_fn = lambda v: ("instance fn", v)
print(c.inst_fn(2))
class D(C):
    def m(self):
        return ("D.m", super().m() is self)
print(D().m())
print(type(c.m).__name__, type(C.m).__name__)
meths = [c.m, c.args]
print([type(x).__name__ for x in meths])
print(c.m.__name__, c.m.__qualname__)
