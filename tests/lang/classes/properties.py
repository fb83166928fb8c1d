class Temp:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        print("get")
        return self._c

    @c.setter
    def c(self, v):
        print("set", v)
        self._c = v

    @c.deleter
    def c(self):
        print("del")
        self._c = None

    @property
    def f(self):
        "fahrenheit"
        return self._c * 9 / 5 + 32

t = Temp()
t.c = 100
print(t.c, t.f)
del t.c
print(t._c)
try:
    t.f = 3
except AttributeError as e:
    print(e)
try:
    del t.f
except AttributeError as e:
    print(e)
print(Temp.f.__doc__)
print(type(Temp.c).__name__)
p = property(lambda self: 5)
class U:
    x = p
print(U().x)
