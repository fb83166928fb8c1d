class A:
    def __eq__(self, o):
        print("A.eq")
        return NotImplemented

class B:
    def __eq__(self, o):
        print("B.eq")
        return NotImplemented

a, b = A(), B()
print(a == b)
print(a != b)
print(a == a)

class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v

print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))

class Ne:
    def __ne__(self, o):
        return "custom ne"
print(Ne() != 1, Ne() == 1)

class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("Lt.lt")
        return self.v < o.v
print(Lt(2) > Lt(1))
print(sorted([Lt(3), Lt(1), Lt(2)])[0].v)
print(max([Lt(3), Lt(5), Lt(2)]).v if False else "max skipped")
