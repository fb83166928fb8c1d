# type.__call__ runs the __init__ of the type of what __new__ returned
# (a subclass of the class called), and none for a foreign object.
class C(object):
    def __new__(cls, arg):
        if isinstance(arg, str):
            return [1, 2, 3]
        elif isinstance(arg, int):
            return object.__new__(D)
        return object.__new__(cls)


class D(C):
    def __init__(self, arg):
        self.foo = arg


print(C("1"), D("1"))
d = D(None)
print(type(d).__name__, d.foo)
d = C(1)
print(type(d).__name__, d.foo)
d = D(1)
print(type(d).__name__, d.foo)


class Plain:
    def __new__(cls, *args):
        return object.__new__(Sub)


class Sub(Plain):
    pass


print(type(Plain(1, 2)).__name__)
try:
    object.__new__(Sub).__init__(1)
except TypeError as e:
    print("TypeError:", e)
