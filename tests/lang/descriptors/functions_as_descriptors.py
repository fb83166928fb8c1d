# Functions, classmethod and staticmethod through __get__ directly, and
# callables stored on instances (never bound).
class C:
    def f(self, x):
        return ("f", type(self).__name__, x)

    @classmethod
    def cm(cls, x):
        return ("cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("sm", x)


class D(C):
    pass


c = D()
print(C.__dict__["f"].__get__(c, D)(1))
print(C.__dict__["cm"].__get__(c, D)(2))
print(C.__dict__["cm"].__get__(None, C)(3))
print(C.__dict__["sm"].__get__(None, C)(4))
bound = c.f
print(bound.__self__ is c, bound.__func__ is C.f)
print(c.f == c.f, c.f is c.f)
c.g = lambda x: ("g", x)
print(c.g(5))
print(D.cm(6), D.sm(7), C.f(c, 8))
print(type(C.__dict__["cm"]).__name__, type(C.__dict__["sm"]).__name__)
print(C.__dict__["sm"].__func__(9))
