class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 1000)
    def __radd__(self, other):
        return "radd wins"
    def __repr__(self):
        return f"MyInt({int(self)})"

a = MyInt(5)
print(a + 1, 1 + a, a * 2, type(a * 2).__name__, a == 5, a < 6, hash(a) == hash(5))
print(-a, a // 2, a % 3, a ** 2, a & 1, int(a), float(a), str(a), repr(a))
print([0, 1, 2, 3, 4, 5, 6][a], {5: "five"}[a], range(a)[-1])

class MyFloat(float):
    def __sub__(self, other):
        return "custom sub"
f = MyFloat(2.5)
print(f - 1, 1 - f, f + 1, f * 2, f == 2.5)

class MyStr(str):
    def __add__(self, other):
        return MyStr((str(self) + other).upper())
    def __mul__(self, n):
        return "no repeat"
s = MyStr("ab")
print(s + "cd", "x" + s, s * 3, 3 * s, s[0], s.upper(), len(s), s == "ab", type(s + "q").__name__)
class MyList(list):
    def __eq__(self, other):
        return "custom eq"
print(MyList([1]) == [1], [1] == MyList([1]), MyList([1]) != [1])
