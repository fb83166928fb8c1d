class G:
    x = 1
    def __getattr__(self, name):
        print("getattr", name)
        if name == "missing_too":
            raise AttributeError(name)
        return name.upper()

g = G()
print(g.x, g.foo)
g.y = 2
print(g.y)
try:
    g.missing_too
except AttributeError as e:
    print("AttributeError", e)
print(getattr(g, "bar"), hasattr(g, "missing_too"), getattr(g, "missing_too", "dflt"))

class GA:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        if name == "fake":
            return "faked"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback-" + name

ga = GA()
print(ga.real, ga.fake, ga.nothing)

class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)

s = S()
s.a = 5
print(s.a)
del s.a
print(hasattr(s, "a"))
setattr(s, "b", 1)
delattr(s, "b")
try:
    del s.zzz
except AttributeError as e:
    print(e)
