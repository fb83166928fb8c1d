# __classcell__: type.__new__ fills the __class__ cell from it, checks it is
# a cell, and __build_class__ checks the cell ends up holding the class.


class Meta(type):
    def __new__(cls, name, bases, namespace, **kw):
        global snapshot
        snapshot = dict(namespace)
        return super().__new__(cls, name, bases, namespace)


class Plain(metaclass=Meta):
    pass


print("__classcell__" in snapshot)


class WithRef(metaclass=Meta):
    def f(self):
        return __class__


cell = snapshot["__classcell__"]
print(type(cell).__name__, cell is WithRef.f.__closure__[0], WithRef().f() is WithRef)
print(hasattr(WithRef, "__classcell__"))


class Dropping(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop("__classcell__", None)
        return super().__new__(cls, name, bases, namespace)


class Fine(metaclass=Dropping):
    pass


try:
    class NeedsCell(metaclass=Dropping):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e.args[0].replace(__name__, "M"))


class Overwriting(type):
    def __new__(cls, name, bases, namespace, cell):
        namespace["__classcell__"] = cell
        return super().__new__(cls, name, bases, namespace)


for bad in (None, 0, "", object()):
    try:
        class A(metaclass=Overwriting, cell=bad):
            pass
    except TypeError as e:
        print("TypeError:", e)


class WrongCell(type):
    def __new__(cls, name, bases, namespace):
        made = super().__new__(cls, name, bases, namespace)
        type("B", (), namespace)
        return made


try:
    class C(metaclass=WrongCell):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError:", e.args[0].replace(__name__, "M"))


# A metaclass that returns something other than a class is not checked.
def not_a_class(name, bases, namespace):
    return 42


class D(metaclass=not_a_class):
    def f(self):
        return __class__


print(D)

# super() works through the cell.
class Base:
    def hello(self):
        return "base"


class Derived(Base, metaclass=Meta):
    def hello(self):
        return "derived+" + super().hello()


print(Derived().hello())
