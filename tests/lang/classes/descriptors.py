class Data:
    def __get__(self, obj, owner):
        return ("data-get", obj is None, owner.__name__)
    def __set__(self, obj, value):
        print("data-set", value)
    def __delete__(self, obj):
        print("data-del")

class NonData:
    def __get__(self, obj, owner=None):
        return "nondata-get"

class C:
    d = Data()
    n = NonData()

c = C()
print(c.d, C.d)
c.d = 5
del c.d
print(c.__dict__)
c.__dict__['d'] = "inst"
print(c.d)
print(c.n)
c.n = "shadowed"
print(c.n)
del c.n
print(c.n)

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "missing-" + self.name)

class H:
    a = Named()
    b = Named()

h = H()
print(h.a, h.b, H.a.name)
