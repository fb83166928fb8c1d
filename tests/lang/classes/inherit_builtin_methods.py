class Base:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name
    __hash__ = object.__hash__ if False else None

class Child(Base):
    pass

print(Child("x"), [Child("y")], Child("a") == Child("a"), Child("a") == Base("a"))
try:
    hash(Child("z"))
except TypeError as e:
    print(e)

class Ordered:
    def __init__(self, k):
        self.k = k
    def __lt__(self, o):
        return self.k < o.k
    def __repr__(self):
        return "O%d" % self.k
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), min(Ordered(5), Ordered(4)))
