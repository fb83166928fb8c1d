class P:
    @property
    def ro(self):
        return 1
    def _set(self, v):
        self._w = v
    wo = property(None, _set)
    rw = property(lambda self: "rw", lambda self, v: None, None, "rw doc")

p = P()
print(p.ro)
try:
    p.ro = 2
except AttributeError as e:
    print(e)
try:
    del p.ro
except AttributeError as e:
    print(e)
p.wo = 3
print(p._w)
try:
    p.wo
except AttributeError as e:
    print(e)
print(P.rw.__doc__, p.rw)
class Raising:
    @property
    def bad(self):
        raise AttributeError("inner attribute error")
    def __getattr__(self, name):
        return "fallback for " + name
print(Raising().bad)
