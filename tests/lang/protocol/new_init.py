class Single:
    _inst = None
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v

a = Single(1)
b = Single(2)
print(a is b, a.v)

class NotInstance:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotInstance())

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)

class Args:
    pass
try:
    Args(1)
except TypeError as e:
    print(e)

class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(OnlyNew(9).x)

class IntSub(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(IntSub(21), type(IntSub(1)).__name__, IntSub(5) + 1)
class StrSub(str):
    def shout(self):
        return self.upper() + "!"
print(StrSub("hi").shout(), StrSub("x") == "x", len(StrSub("abc")))
class ListSub(list):
    def total(self):
        return sum(self)
ls = ListSub([1, 2, 3])
ls.append(4)
print(ls.total(), ls, len(ls), isinstance(ls, list))
class DictSub(dict):
    pass
ds = DictSub(a=1)
ds["b"] = 2
print(ds, sorted(ds.keys()))
