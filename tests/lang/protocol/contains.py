class C:
    def __contains__(self, x):
        print("contains", x)
        return x == 1

c = C()
print(1 in c, 2 in c, 2 not in c)

class Truthy:
    def __contains__(self, x):
        return [1]
print(5 in Truthy())

class ViaIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in ViaIter(), 7 in ViaIter())

try:
    1 in 5
except TypeError as e:
    print(e)

class Raising:
    def __contains__(self, x):
        raise KeyError("inside")
try:
    1 in Raising()
except KeyError as e:
    print("KeyError", e)
print("a" in "cat", "ct" in "cat", 1 in {1: 2}, 2 in {1: 2}, 3 in [1, 2, 3], (1,) in [(1,)])
