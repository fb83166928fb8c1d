class C:
    n = 0
    @classmethod
    def make(cls, v):
        obj = cls()
        obj.v = v
        return obj
    @staticmethod
    def add(a, b):
        return a + b

class D(C):
    pass

print(type(D.make(3)).__name__, D.make(3).v, C.add(1, 2), C().add(3, 4), D.add(5, 6))
m = C.make
print(m.__self__ is C)
print(type(C.__dict__['make']).__name__, type(C.__dict__['add']).__name__)
print(C.__dict__['add'].__func__(1, 1))
