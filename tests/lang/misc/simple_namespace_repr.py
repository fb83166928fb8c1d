# types.SimpleNamespace's repr: attributes sorted by name, a namespace met
# again inside itself as namespace(...), a subclass by its own name.
import types

ns1 = types.SimpleNamespace(x=1, y=2, w=3)
ns2 = types.SimpleNamespace()
ns2.x = "spam"
ns2._y = 5
print(repr(ns1), repr(ns2), str(ns1))

ns1 = types.SimpleNamespace(c="cookie")
ns2 = types.SimpleNamespace()
ns3 = types.SimpleNamespace(x=1)
ns1.spam = ns1
ns2.spam = ns3
ns3.spam = ns2
print(repr(ns1))
print(repr(ns2))
print([ns3, ns3])


class Spam(types.SimpleNamespace):
    pass


class Eggs(types.SimpleNamespace):
    def __init__(self, **kw):
        super().__init__(**kw)


s = Spam(ham=8, eggs=9)
s.me = s
print(repr(s), repr(Eggs(b=[1], a={"k": Spam()})))


class Loud:
    def __repr__(self):
        raise ValueError("no repr")


bad = types.SimpleNamespace(a=Loud())
try:
    repr(bad)
except ValueError as e:
    print("ValueError:", e)
bad.a = 1
print(repr(bad))
