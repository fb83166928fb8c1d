class C:
    count = 0
    def __init__(self):
        type(self).count += 1
    @classmethod
    def create(cls, n):
        return [cls() for _ in range(n)]
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def use_helper(cls, x):
        return cls.helper(x) + cls.count

class D(C):
    count = 100

print(len(C.create(3)), C.count, D.count, len(D.create(2)), D.count, C.count)
print(C.use_helper(1), D.use_helper(1), D().use_helper(2))
print(C.create.__func__ is D.create.__func__, C.helper is D.helper)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class E:
    size = sm
    name = cm
print(E.size("abc"), E().size([1]), E.name(), E().name())
