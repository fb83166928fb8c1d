class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("get", name)
        return super().__getattribute__(name)
    def method(self):
        return self.a

l = Logged()
print(l.a, l.method())
try:
    l.nope
except AttributeError as e:
    print(e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, "_target"), name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)

class T:
    x = 1
t = T()
p = Proxy(t)
p.y = 5
print(p.x, p.y, t.y, hasattr(p, "z"))
