# Assigning __bases__ recomputes the MRO of the class and of its
# subclasses, moves it between subclass lists, and refuses bad bases.
class C(object):
    pass


class C2(object):
    def __getattribute__(self, attr):
        if attr == 'a':
            return 2
        return super(C2, self).__getattribute__(attr)

    def meth(self):
        return 1


class D(C):
    pass


class E(D):
    pass


d, e = D(), E()
D.__bases__ = (C,)
D.__bases__ = (C2,)
print(d.meth(), e.meth(), d.a, e.a)
print(C2.__subclasses__() == [D], C.__subclasses__())
print([k.__name__ for k in E.__mro__])

for bad in [(), [C], (1,), (E,), (D,), (C, C)]:
    try:
        D.__bases__ = bad
    except TypeError as x:
        print("TypeError:", x)
print([k.__name__ for k in D.__mro__])
try:
    del D.__bases__
except TypeError as x:
    print("TypeError:", x)
try:
    object.__bases__ = (C,)
except TypeError as x:
    print("TypeError:", x)
for bad in [(int,), (object,)]:
    try:
        D.__bases__ = bad
    except TypeError as x:
        print("TypeError:", x)
try:
    C.__bases__ = (C2,)
except TypeError as x:
    print("TypeError:", x)


# A conflict in a subclass's MRO is caught and nothing changes.
class Root:
    pass


class A(Root):
    pass


class B(Root):
    pass


class P(A, B):
    pass


class Q(A, B):
    pass


class R(P, Q):
    pass


try:
    P.__bases__ = (B, A)
except TypeError as x:
    print("TypeError:", x)
print([k.__name__ for k in P.__mro__], [k.__name__ for k in R.__mro__])
P.__bases__ = (A,)
print([k.__name__ for k in R.__mro__], B.__subclasses__() == [Q])
P.__bases__ = (A, B)


# Methods found through the new bases, also for cached lookups.
class Base0:
    pass


class Base1:
    def who(self):
        return "Base1"


class Base2:
    def who(self):
        return "Base2"


class Kid(Base0):
    pass


Kid.__bases__ = (Base1,)


k = Kid()
for i in range(3):
    print(k.who())
Kid.__bases__ = (Base2,)
for i in range(3):
    print(k.who())
