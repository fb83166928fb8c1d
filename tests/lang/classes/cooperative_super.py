class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
        super().__init__()

class Named(Base):
    def __init__(self, name, **kw):
        print("Named", name)
        self.name = name
        super().__init__(**kw)

class Sized(Base):
    def __init__(self, size, **kw):
        print("Sized", size)
        self.size = size
        super().__init__(**kw)

class Thing(Named, Sized):
    def __init__(self, **kw):
        print("Thing")
        super().__init__(**kw)

t = Thing(name="box", size=3, extra=1)
print(t.name, t.size, [c.__name__ for c in Thing.__mro__])

class A:
    def go(self):
        return "A"
class B(A):
    def go(self):
        return "B>" + super().go()
class C(A):
    def go(self):
        return "C>" + super().go()
class D(B, C):
    def go(self):
        return "D>" + super().go()
print(D().go(), super(C, D()).go(), super(B, D()).go())
