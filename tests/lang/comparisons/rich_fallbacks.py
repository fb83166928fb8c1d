# Rich comparisons: reflected operands, subclass priority, NotImplemented
# everywhere, == falling back to identity, and ordering TypeErrors.
class Log:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __eq__(self, other):
        print("%s.__eq__(%r)" % (self.name, other))
        return NotImplemented

    def __lt__(self, other):
        print("%s.__lt__(%r)" % (self.name, other))
        return NotImplemented

    def __gt__(self, other):
        print("%s.__gt__(%r)" % (self.name, other))
        return NotImplemented


class SubLog(Log):
    def __gt__(self, other):
        print("%s.SubLog.__gt__(%r)" % (self.name, other))
        return True


a, b = Log("a"), Log("b")
print(a == b)
print(a != b)
print(a == a)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(a < SubLog("s"))
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    None > 0
except TypeError as e:
    print("TypeError:", e)
try:
    {} <= {}
except TypeError as e:
    print("TypeError:", e)
print(1 < 2.5 < 3, 1 == 1.0 == True, (1, 2) < (1, 3), "a" < "b" > "a")
print([1, 2] == [1, 2.0], (1, [2]) == (1, [2]), {1: "a"} == {1.0: "a"})


class OnlyEq:
    def __eq__(self, other):
        return "truthy string"


print(OnlyEq() == 1, OnlyEq() != 1)
print(1 in [OnlyEq()])
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan])
