# An unbound super(C) kept as a class attribute binds to the instance it
# is read through (super.__get__); a subclass of super is called to bind.
class A:
    def meth(self, a):
        return "A(%r)" % a


class B(A):
    def __init__(self):
        self.__super = super(B, self)

    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)


class C(A):
    def meth(self, a):
        return "C(%r)" % a + self.__super.meth(a)


C._C__super = super(C)


class D(C, B):
    def meth(self, a):
        return "D(%r)" % a + super(D, self).meth(a)


print(B().meth(2), C().meth(3), D().meth(4))
print(C._C__super is C.__dict__['_C__super'])
s = super(C)
bound = s.__get__(C(), C)
print(type(bound).__name__, bound.__thisclass__ is C, bound.meth(1))
print(s.__get__(None, C) is s)


class mysuper(super):
    pass


class E(A):
    def meth(self, a):
        return "E(%r)" % a + self.__super.meth(a)


E._E__super = mysuper(E)
print(E().meth(5))


class autosuper(type):
    def __new__(metaclass, name, bases, dict):
        cls = super(autosuper, metaclass).__new__(metaclass, name, bases, dict)
        setattr(cls, "_%s__super" % name.lstrip("_"), super(cls))
        return cls


class P(metaclass=autosuper):
    def meth(self):
        return "P"


class Q(P):
    def meth(self):
        return "Q" + self.__super.meth()


class R(P):
    def meth(self):
        return "R" + self.__super.meth()


class S(R, Q):
    def meth(self):
        return "S" + self.__super.meth()


print(S().meth())
