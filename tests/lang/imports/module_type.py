# types.ModuleType: construction, namespace, repr rules, subclasses and
# __class__ assignment on a live module (as lazy-import libraries do).
import sys
import types

M = types.ModuleType

for args, kw in [((), {}), ((1,), {}), (("a", "b", "c"), {}),
                 ((), {"name": "k", "doc": "d"}), (("a",), {"x": 1})]:
    try:
        m = M(*args, **kw)
        print(repr(m), m.__dict__)
    except TypeError as e:
        print("TypeError", e)

m = M("m")
print(m, sorted(m.__dict__), m.__doc__, m.__package__, m.__loader__, m.__spec__)
print(M("m2", "some doc").__doc__)
print(type(m) is M, isinstance(m, M), type(sys) is M)

# __init__ again resets the five attributes.
m.extra = 1
m.__init__("again")
print(m, m.__dict__)

# The repr rules of importlib._bootstrap._module_repr.
class Loader:
    def module_repr(self, mod):
        return "LR " + mod.__name__

class BadLoader:
    def module_repr(self, mod):
        raise ValueError("no")

    def __repr__(self):
        return "<BadLoader>"

m.__loader__ = Loader()
print(repr(m))
m.__loader__ = BadLoader()
print(repr(m))
m.__loader__ = "strloader"
print(repr(m))
m.__file__ = "f.py"
print(repr(m))
del m.__name__
print(repr(m))
m.__loader__ = None
del m.__file__
print(repr(m))

class Spec:
    def __init__(self, name, origin, loader, has_location):
        self.name, self.origin, self.loader = name, origin, loader
        self.has_location = has_location

n = M("n")
n.__spec__ = Spec("specname", None, None, False)
print(repr(n))
n.__spec__ = Spec(None, None, "ld", False)
print(repr(n))
n.__spec__ = Spec("s", "/some/where.py", None, True)
print(repr(n))
n.__spec__ = Spec("s", "frozen", None, False)
print(repr(n))

print(repr(sys), repr(types)[:17])

# Subclasses: class attributes, instance attributes in the module dict.
class Sub(M):
    x = 3

    def hello(self):
        return "hello from " + self.__name__

s = Sub("s", "doc")
s.y = 4
print(s, s.x, s.y, s.hello(), type(s).__name__)
print(s.__dict__)
print(isinstance(s, M))

# A lazy module: the class's __getattr__ answers for missing names, the
# module's own __getattr__ (PEP 562) comes first.
class Lazy(M):
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return name * 2

here = sys.modules[__name__]
here.__class__ = Lazy
print(type(here).__name__, here.foo)
try:
    here._private
except AttributeError as e:
    print("AttributeError", e)
here.__class__ = M
try:
    here.foo
except AttributeError as e:
    print("AttributeError", e)

def __getattr__(name):
    return "module-level " + name

here.__class__ = Lazy
print(here.bar)
here.__class__ = M

class NotModule:
    pass

try:
    here.__class__ = NotModule
except TypeError as e:
    print("TypeError", e)
try:
    m.__class__ = int
except TypeError as e:
    print("TypeError", e)
