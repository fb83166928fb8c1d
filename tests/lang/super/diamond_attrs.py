# super() in a diamond follows the MRO of the instance's class, for
# methods, properties and class attributes; __class__ cell semantics.
class Base:
    tag = "Base"

    def greet(self):
        return ["Base"]

    @property
    def prop(self):
        return "Base.prop"


class Left(Base):
    tag = "Left"

    def greet(self):
        return ["Left"] + super().greet()


class Right(Base):
    tag = "Right"

    def greet(self):
        return ["Right"] + super().greet()

    @property
    def prop(self):
        return "Right.prop>" + super().prop


class Bottom(Left, Right):
    def greet(self):
        return ["Bottom"] + super().greet()

    def tags(self):
        return super().tag, super(Left, self).tag, super(Right, self).tag


b = Bottom()
print(b.greet())
print([k.__name__ for k in Bottom.__mro__])
print(b.tags())
print(b.prop)
print(Left().greet())


class WithClassCell:
    def get(self):
        return __class__


class Derived(WithClassCell):
    pass


print(Derived().get().__name__)
try:
    super(Left, Base())
except TypeError as e:
    print("TypeError", e)
