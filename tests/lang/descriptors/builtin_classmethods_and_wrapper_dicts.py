# A built-in type's class methods are classmethod_descriptor objects, not
# classmethod instances (doctest's finder relies on it); classmethod and
# staticmethod objects have a __dict__; functions and bound methods have
# __call__.
import inspect

for cls, name in [(dict, "fromkeys"), (int, "from_bytes"), (float, "fromhex"),
                  (bytes, "fromhex"), (object, "__init_subclass__")]:
    d = cls.__dict__[name]
    print(type(d).__name__, isinstance(d, classmethod), repr(d))
    bound = d.__get__(None, cls)
    print(type(bound).__name__, bound.__name__, bound.__self__ is cls)

print(dict.__dict__["fromkeys"].__get__(None, dict)("ab"))
print(type(dict.fromkeys).__name__, dict.fromkeys("xy", 0))


class D(dict):
    pass


print(type(D.fromkeys("q")).__name__)

# doctest's walk over the builtins module's classes must not fail.
count = 0
for name, obj in sorted(vars(__builtins__).items()):
    if inspect.isclass(obj):
        for valname, val in obj.__dict__.items():
            if isinstance(val, staticmethod):
                val = getattr(obj, valname)
            if isinstance(val, classmethod):
                val = getattr(obj, valname).__func__
                count += 1
print("classmethods among builtins:", count)


def f():
    "f docstring"


for wrapper in (classmethod, staticmethod):
    w = wrapper(f)
    print(wrapper.__name__, w.__dict__)
    w.x = 42
    print(w.x, w.__dict__)
    del w.x
    print(hasattr(w, "x"), w.__dict__)
    w.__dict__["y"] = 1
    print(w.y)


class C:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm(a):
        return a * 3

    def m(self, x):
        return x * 2


C.__dict__["cm"].tag = "t"
print(C.__dict__["cm"].tag, C.cm(), C.sm(2))
try:
    dict.__dict__["fromkeys"].tag = 1
except AttributeError as e:
    print("AttributeError", e)


def g(a, b=2):
    return a + b


print(g.__call__(1), g.__call__(1, b=5), C().m.__call__(4))
print(type(g.__call__).__name__, type(C().m.__call__).__name__)
print(callable(g.__call__), g.__call__.__call__(10))
