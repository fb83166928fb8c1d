# x.__hash__() of the built-in hashable types equals hash(x), also through
# subclasses, and the unhashable ones say so.


class S(str):
    pass


class I(int):
    pass


class T(tuple):
    pass


class Eq(str):
    def __eq__(self, other):
        return True


values = ["ab", "", "\u00e9t\u00e9", b"ab", (1, "a", 2.5), frozenset({1, 2, 3}),
          range(3, 30, 4), 10 ** 30, -7, 0, 3.25, -0.0, float("inf"), 2 + 3j, True,
          S("ab"), I(12), T((1, 2))]
for v in values:
    print(type(v).__name__, v.__hash__() == hash(v), type(v).__hash__(v) == hash(v))
print(str.__hash__("xyz") == hash("xyz"), int.__hash__(2 ** 70) == hash(2 ** 70))
print(Eq.__hash__)
for v in [[1], {1: 2}, {1}, bytearray(b"a")]:
    print(type(v).__name__, type(v).__hash__)
