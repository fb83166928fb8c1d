# Reads through a class's mappingproxy (C.__dict__): get with and without a
# default, [] hits and misses, `in`, keys made at run time, str subclasses,
# non-str keys, names set after class creation, __qualname__ (kept out of
# a class's __dict__), and built-in types' namespaces.


class Base:
    x = 1

    def method(self):
        return "m"


class Child(Base):
    y = 2
    __slots__ = ()


class S(str):
    pass


key = "".join(["y"])
for cls in (Base, Child):
    d = cls.__dict__
    print(cls.__name__, d.get("x"), d.get("y", "dflt"), d.get(key), d.get("nope"),
          d.get(S("y")), d.get(1), d.get(1, "one"))
    print("x" in d, key in d, "method" in d, "__qualname__" in d, S("x") in d, 5 in d,
          "__module__" in d, "__slots__" in d)
    for k in ("x", key, "__qualname__", S("y"), 7):
        try:
            print(repr(d[k])[:20])
        except KeyError as e:
            print("KeyError", e)

Child.added = "later"
print(Child.__dict__.get("added"), "added" in Child.__dict__, Child.__dict__["added"])
del Child.added
print(Child.__dict__.get("added"), "added" in Child.__dict__)
print(Base.__dict__.get("never_interned_name_" + str(12345)))
print(int.__dict__.get("__qualname__") is not None, "real" in int.__dict__,
      type(str.__dict__["upper"]).__name__, dict.__dict__.get("fromkeys") is not None)
print(type.__dict__.get("mro") is not None, object.__dict__.get("nope", 0))
for bad in ((), (1, 2, 3), ):
    try:
        Base.__dict__.get(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    Base.__dict__.get(key="x")
except TypeError as e:
    print("TypeError", e)
