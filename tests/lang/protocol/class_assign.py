class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
o = A()
print(o.who())
o.__class__ = B
print(o.who(), type(o).__name__, isinstance(o, B))
try:
    o.__class__ = 5
except TypeError as e:
    print(e)
def extra(self):
    return "extra " + self.who()
B.extra = extra
print(o.extra())
B.who = lambda self: "patched"
print(o.who())
