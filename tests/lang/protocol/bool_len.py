class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool")
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("len")
        return self.n

class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5

print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), len(Both()))
if not L(0):
    print("empty")
print(B(False) or "other", L(2) and "yes")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)

class StrLen:
    def __len__(self):
        return "x"
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
class Empty: pass
print(bool(Empty()))
