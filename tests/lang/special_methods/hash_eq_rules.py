# __hash__ rules: defining __eq__ without __hash__ makes instances
# unhashable; inheriting and re-enabling; hash of numbers across types.
class EqOnly:
    def __eq__(self, other):
        return True


class EqAndHash(EqOnly):
    def __hash__(self):
        return 7


class Inherits(EqAndHash):
    pass


class Disabled:
    __hash__ = None


print(EqOnly.__hash__, hash(EqAndHash()), hash(Inherits()))
for cls in (EqOnly, Disabled):
    try:
        hash(cls())
    except TypeError as e:
        print("TypeError", e)
    try:
        {cls()}
    except TypeError as e:
        print("TypeError", e)
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1), hash(-1), hash(0.5), hash(-0.0))
print(hash((1, 2)) == hash((1.0, 2)), len({1, 1.0, True}), {1: "a", 1.0: "b"})
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([1])
except TypeError as e:
    print("TypeError", e)
try:
    hash(({},))
except TypeError as e:
    print("TypeError", e)


class BadHash:
    def __hash__(self):
        return "nope"


try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)


class BigHash:
    def __hash__(self):
        return 2 ** 100


print(hash(BigHash()) == hash(2 ** 100))
