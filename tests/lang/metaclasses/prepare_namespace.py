# __prepare__ gives the class body its namespace; the metaclass sees the
# names in definition order and may reject duplicates.
class OrderedNames(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError("duplicate " + key)
        self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return OrderedNames()

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith("__")]
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=True):
    b = 1
    a = 2

    def m(self):
        pass


print(A.order, type(A).__name__)
try:
    class B(metaclass=Meta):
        x = 1
        x = 2
except TypeError as e:
    print("TypeError", e)


class NotADict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class Z(metaclass=NotADict):
        pass
except TypeError as e:
    print("TypeError", e)
