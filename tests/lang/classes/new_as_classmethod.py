# A __new__ that is a classmethod is bound to the class when the class is
# called, so the class comes twice (CPython looks __new__ up on the class).
class C(object):
    @classmethod
    def __new__(cls, *args):
        return cls, args

print(C(1, 2) == (C, (C, 1, 2)))
print(C() == (C, (C,)))

class E:
    @classmethod
    def __new__(*args):
        return args

print(E(1, 2) == (E, E, 1, 2))

class D(C):
    pass

print(D(3) == (D, (D, 3)))

class S:
    @staticmethod
    def __new__(cls, x):
        obj = object.__new__(cls)
        obj.x = x
        return obj

print(S(5).x)
