class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __neg__(self):
        return Num(-self.v)
    def __repr__(self):
        return f"Num({self.v})"
    def __lt__(self, o):
        return self.v < o.v

n = Num(3.7)
print(int(n), float(n), -n, [10, 20, 30, 40][Num(2)], range(10)[Num(1):Num(3)])
print(sorted([Num(2), Num(1)]), max([Num(5), Num(7)]), min(Num(1), Num(0)))
try:
    n + 1
except TypeError as e:
    print(e)
try:
    ~n
except TypeError as e:
    print(e)
try:
    n < 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
