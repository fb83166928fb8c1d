# frozenset() is one object, frozenset(fs) of an exact frozenset is fs;
# complex(x) asks x.__complex__ even when x is a number subclass.
fs = frozenset([1, 2])
print(frozenset() is frozenset(), frozenset([]) is frozenset(), frozenset(()) is frozenset(""))
print(frozenset(fs) is fs, frozenset(iter(fs)) is fs, frozenset(fs) == fs)


class F(frozenset):
    pass


f = F([1])
print(type(frozenset(f)).__name__, frozenset(f) is f, F(fs) is fs, type(F(fs)).__name__)
print(F() is frozenset(), type(F()).__name__, frozenset(F()) is frozenset())
print(frozenset(set()) is frozenset(), len(frozenset({1: 2})))


class C(complex):
    def __complex__(self):
        return 5j


class Fl(float):
    def __complex__(self):
        return 1 + 2j


class I(int):
    def __complex__(self):
        return 3j


class Plain(complex):
    pass


class BadC:
    def __complex__(self):
        return 1.5


print(complex(C(1)), complex(Fl(2.0)), complex(I(4)), complex(Plain(1, 2)))
print(complex(Fl(2.0), 1), complex(C(1), 2j), complex(1, C(2)))
print(type(complex(C(1))).__name__, type(complex(Plain(1, 2))).__name__)
try:
    complex(BadC())
except TypeError as e:
    print("TypeError", e)
