class A:
    def __init__(self):
        print("A init")
    def f(self):
        return ["A"]

class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
    def f(self):
        return ["B"] + super().f()

class C(A):
    def __init__(self):
        print("C init")
        super().__init__()
    def f(self):
        return ["C"] + super().f()

class D(B, C):
    def __init__(self):
        print("D init")
        super(D, self).__init__()
    def f(self):
        return ["D"] + super().f()

d = D()
print(d.f())
print(super(B, d).f())

class E(A):
    @classmethod
    def make(cls):
        return super().f(cls)
    def g(self):
        def inner():
            return __class__
        return inner()

print(E.make(), E().g())
s = super(D, d)
print(type(s).__name__)
