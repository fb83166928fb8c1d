class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (self.n + x) * times

a = Adder(3)
print(a(4), a(1, times=3), callable(a), callable(Adder), callable(5))
try:
    five = 5
    five()
except TypeError as e:
    print(e)
try:
    s = "s"
    s()
except TypeError as e:
    print(e)
class NoCall: pass
try:
    NoCall()()
except TypeError as e:
    print(e)
class Nested:
    def __call__(self):
        return Adder(10)
print(Nested()()(5))
def f():
    return f
print(f()()() is f)
