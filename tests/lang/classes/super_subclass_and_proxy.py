# A subclass of super: calling it makes an instance of it and runs its
# __init__; binding an unbound one makes another. super() accepts a proxy
# whose __class__ claims a subclass.


class A:
    def meth(self, a):
        return "A(%r)" % a


class mysuper(super):
    def __init__(self, *args):
        print("mysuper.__init__", len(args))
        return super(mysuper, self).__init__(*args)


class E(A):
    def meth(self, a):
        return "E(%r)" % a + mysuper(E, self).meth(a)


print(E().meth(5))


class F(E):
    def meth(self, a):
        s = self.__super
        return "F(%r)[%s]" % (a, s.__class__.__name__) + s.meth(a)


F._F__super = mysuper(F)
print(F().meth(6))
s = mysuper(F)
print(type(s).__name__, type(s.__get__(F())).__name__, s.__thisclass__.__name__, s.__self__)
print(type(super(F)).__name__, super(F, F()).__self_class__.__name__)

try:
    mysuper(F, 42)
except TypeError as e:
    print(e)


class Plain(super):
    pass


p = Plain(F, F())
print(type(p).__name__, p.meth(7))


class B:
    def f(self):
        return "B.f"


class C(B):
    def f(self):
        return super(C, self).f() + "->C.f"


class Proxy:
    def __init__(self, obj):
        self.__obj = obj

    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)


print(C.__dict__["f"](Proxy(C())))
try:
    C.__dict__["f"](Proxy(B()))
except TypeError as e:
    print(e)
