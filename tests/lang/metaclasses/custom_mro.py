# A metaclass's own mro() decides the MRO: when the class is made and
# when __bases__ of it (or of a class above it) changes; type.mro() is C3.
class A(object):
    def f(self):
        return "A"


class B(A):
    pass


class C(A):
    def f(self):
        return "C"


class D(B, C):
    pass


print(D.mro() == [D, B, C, A, object], D().f())


class PerverseMetaType(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L


class X(D, B, C, A, metaclass=PerverseMetaType):
    pass


print([k.__name__ for k in X.__mro__], X().f())
print([k.__name__ for k in type.mro(X)])


class Bad(type):
    def mro(cls):
        return [cls, 1]


try:
    class Y(metaclass=Bad):
        pass
except TypeError as x:
    print("TypeError:", x)


class Layout(type):
    def mro(cls):
        return [cls, int, object]


try:
    class Z(metaclass=Layout):
        pass
except TypeError as x:
    print("TypeError:", x)


class NotIterable(type):
    def mro(cls):
        return 5


try:
    class W(metaclass=NotIterable):
        pass
except TypeError as x:
    print("TypeError:", x)


# mro() failing during a __bases__ assignment puts everything back.
class WorkOnce(type):
    def __new__(self, name, bases, ns):
        self.flag = 0
        return super(WorkOnce, self).__new__(WorkOnce, name, bases, ns)

    def mro(self):
        if self.flag > 0:
            raise RuntimeError("bozo")
        self.flag += 1
        return type.mro(self)


class C1(object):
    pass


class C2(object):
    pass


class D1(C1):
    pass


class E1(D1):
    pass


class F1(D1, metaclass=WorkOnce):
    pass


before = (E1.__mro__, D1.__mro__, F1.__mro__)
try:
    D1.__bases__ = (C2,)
except RuntimeError as x:
    print("RuntimeError:", x)
print((E1.__mro__, D1.__mro__, F1.__mro__) == before, D1.__bases__)
print(C1.__subclasses__() == [D1], C2.__subclasses__())


# A counting mro() sees every change of bases above its class.
calls = []


class Counting(type):
    def mro(cls):
        calls.append(cls.__name__)
        return type.mro(cls)


class J:
    pass


class K:
    pass


class G(J, metaclass=Counting):
    pass


class H(G):
    pass


G.__bases__ = (K,)
print(calls, [k.__name__ for k in H.__mro__])


# An mro() that assigns __bases__ itself: a cycle is refused.
class Reent(type):
    ready = False

    def mro(cls):
        if Reent.ready:
            if cls.__name__ == 'B1':
                B2.__bases__ = (B1,)
            if cls.__name__ == 'B2':
                B1.__bases__ = (B2,)
        return type.mro(cls)


class A0(metaclass=Reent):
    pass


class B1(A0):
    pass


class B2(A0):
    pass


Reent.ready = True
try:
    B1.__bases__ += ()
except TypeError as x:
    print("TypeError:", x)
Reent.ready = False
print(B1.__bases__, B2.__bases__, [k.__name__ for k in B1.__mro__])
