# Built-in descriptors check what they bind to; a property's accessors are
# read-only; a metaclass descriptor with only __set__ lets the class's own
# attribute answer; a bound method's repr names its callable.
import types

descr = dict.__dict__["fromkeys"]
print(descr.__get__(None, dict)([1, 2]), descr.__get__({})([3]))
for args in [(None, None), (42,), (None, 42), (None, int)]:
    try:
        descr.__get__(*args)
    except TypeError as e:
        print("TypeError", e)
print(descr.__get__(None, type("D", (dict,), {}))([4]))
set_add = set.add
try:
    set_add.__get__(0)
except TypeError as e:
    print(e)
print(type(set_add.__get__(set())).__name__)

raw = property(lambda self: 1)
for attr in "fget", "fset", "fdel":
    try:
        setattr(raw, attr, 42)
    except AttributeError as e:
        print(attr, e)
raw.__doc__ = "doc"
print(raw.__doc__)


class Descr:
    def __init__(self, name):
        self.name = name

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


class Meta(type):
    pass


class X(metaclass=Meta):
    pass


X.a = 42
Meta.a = Descr("a")
print(X.a)


class MyCallable:
    def __call__(self, arg):
        pass


func = MyCallable()
method = types.MethodType(func, 1)
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qualname"
print(repr(method))
try:
    MyCallable().__qualname__
except AttributeError as e:
    print(e)
print(MyCallable.__qualname__)
