class Base:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        print("Base setter", x)
        self._v = x

class Child(Base):
    @Base.v.setter
    def v(self, x):
        print("Child setter", x)
        Base.v.fset(self, x * 10)

class ReadOnly(Base):
    @property
    def v(self):
        return "read only " + str(self._v)

c = Child()
c.v = 2
print(c.v)
r = ReadOnly()
print(r.v)
try:
    r.v = 5
except AttributeError as e:
    print(e)
print(isinstance(Child.v, property), Child.v.fget is Base.v.fget)
