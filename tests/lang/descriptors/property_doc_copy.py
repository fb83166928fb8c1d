# A property's doc: taken from the getter unless given; getter/setter/
# deleter copy through the property's own type, and a doc that came from
# the old getter comes from the new one. Subclass instances keep the doc
# in their __dict__, where it shadows the subclass's docstring.
import collections


class PropertySub(property):
    """the subclass's docstring"""


class PropertyPlain(property):
    pass


class Counting(property):
    made = 0

    def __init__(self, *args, **kwargs):
        Counting.made += 1
        super().__init__(*args, **kwargs)


class Base:
    @property
    def spam(self):
        """Base.getter"""
        return 1

    @spam.setter
    def spam(self, value):
        """ignored"""


class Sub(Base):
    @Base.spam.getter
    def spam(self):
        """Sub.getter"""
        return 2


class Explicit:
    spam = property(lambda self: 3, doc="explicit doc")

    @spam.getter
    def spam(self):
        """new getter doc"""
        return 4


print(Base.spam.__doc__, Sub.spam.__doc__, Sub().spam)
print(Explicit.spam.__doc__, Explicit().spam)


class Foo:
    @PropertySub
    def spam(self):
        """a docstring"""
        return 1

    @spam.getter
    def spam(self):
        """a new docstring"""
        return 2


print(type(Foo.spam).__name__, Foo.spam.__doc__, Foo().spam, Foo.spam.__dict__)
print(PropertySub(None).__doc__, PropertySub(None, doc="given").__doc__)
print(PropertyPlain(lambda s: 0).__doc__, PropertyPlain(lambda s: 0).__dict__)


class Bar:
    spam = Counting(lambda self: 1)
    spam = spam.setter(lambda self, v: None).deleter(lambda self: None)


print(Counting.made, type(Bar.spam).__name__)
p = property(lambda s: 0)
p.__doc__ = "set later"
print(p.__doc__)
Point = collections.namedtuple("Point", "x y")
print(Point.x.__doc__)
Point.x.__doc__ = "the x"
print(Point.x.__doc__)
