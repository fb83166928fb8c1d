# Data descriptors beat the instance dict; non-data descriptors lose to it.
class Data:
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner):
        if obj is None:
            return "Data on class " + owner.__name__
        return "data:" + obj.__dict__.get(self.name, "?")

    def __set__(self, obj, value):
        obj.__dict__[self.name] = "set-" + str(value)


class NonData:
    def __get__(self, obj, owner):
        return "nondata"


class C:
    d = Data("d")
    n = NonData()


c = C()
print(C.d)
print(c.d)
c.d = 5
print(c.d, c.__dict__)
c.__dict__["d"] = "raw"
print(c.d)
print(c.n)
c.__dict__["n"] = "instance wins"
print(c.n)
c.n = "assigned"
print(c.n, sorted(c.__dict__))
del c.n
print(c.n)
try:
    del c.d
except AttributeError as e:
    print("AttributeError", e)
