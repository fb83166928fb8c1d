class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%r)" % (self.x,)
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.x)
    def __sub__(self, o):
        return V(self.x - o.x)
    def __mul__(self, k):
        return V(self.x * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(self.x / k)
    def __floordiv__(self, k):
        return V(self.x // k)
    def __mod__(self, k):
        return V(self.x % k)
    def __pow__(self, k):
        return V(self.x ** k)
    def __rpow__(self, b):
        return V(b ** self.x)
    def __neg__(self):
        return V(-self.x)
    def __pos__(self):
        return self
    def __abs__(self):
        return V(abs(self.x))
    def __invert__(self):
        return V(~self.x)
    def __lshift__(self, n):
        return V(self.x << n)
    def __rshift__(self, n):
        return V(self.x >> n)
    def __and__(self, o):
        return V(self.x & o)
    def __or__(self, o):
        return V(self.x | o)
    def __xor__(self, o):
        return V(self.x ^ o)
    def __matmul__(self, o):
        return "matmul"
    def __divmod__(self, o):
        return ("divmod", o)

a, b = V(7), V(2)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, a / 2, a // 2, a % 4, a ** 2, 2 ** a)
print(-a, +a, abs(V(-3)), ~a, a << 2, a >> 1, a & 3, a | 8, a ^ 1, a @ b, divmod(a, 5))
