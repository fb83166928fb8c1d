# super() with no arguments, with (type, obj), with (type, type), unbound
# super, and super in classmethods, staticmethods and nested functions.
class A:
    def who(self):
        return "A"

    @classmethod
    def cwho(cls):
        return "A.cwho(" + cls.__name__ + ")"


class B(A):
    def who(self):
        return "B>" + super().who()

    @classmethod
    def cwho(cls):
        return "B>" + super().cwho()

    def explicit(self):
        return super(B, self).who()

    def via_lambda(self):
        f = lambda: super(B, self).who()
        return f()


class C(B):
    def who(self):
        return "C>" + super().who()

    def skip(self):
        return super(B, self).who()


c = C()
print(c.who(), C.cwho(), c.explicit(), c.skip(), c.via_lambda())
print(super(C, C).cwho())
print(super(B, c).who.__func__ is A.who, type(super(B, c)).__name__)
s = super(B)
print(type(s).__name__)
print(super(C, c).__self__ is c, super(C, c).__thisclass__ is C)
try:
    super(C, 1)
except TypeError as e:
    print("TypeError", e)


def outside():
    return super().who()


try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)


class D(A):
    def who(self):
        def inner():
            return super().who()
        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError " + str(e)


print(D().who())
