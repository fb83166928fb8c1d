class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

l = list(range(10))
print(l[I(3)], l[I(1):I(4)], "abcdef"[I(2)], range(I(3)))
print([0] * I(3), "ab" * I(2), (1,) * I(2))

class NotIndex:
    pass
try:
    l[NotIndex()]
except TypeError as e:
    print(e)
try:
    "ab" * 1.5
except TypeError as e:
    print(e)
try:
    l[1.0]
except TypeError as e:
    print(e)

class BadIndex:
    def __index__(self):
        return "x"
try:
    l[BadIndex()]
except TypeError as e:
    print(e)
print(int(I(7)) if hasattr(I, '__int__') else "no __int__")
