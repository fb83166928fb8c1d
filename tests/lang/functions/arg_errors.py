def f0():
    pass

def f1(x):
    pass

def f2(x, y):
    pass

def f3(x, y=1, *, z):
    pass

def f4(x, *, a, b):
    pass

def f5(a, b, c, d=1):
    pass

def f6(*, a, b=1, c):
    pass

class C:
    def m(self, x):
        pass

cases = [
    lambda: f0(1),
    lambda: f0(1, 2),
    lambda: f0(x=1),
    lambda: f1(),
    lambda: f1(1, 2),
    lambda: f1(1, x=2),
    lambda: f1(y=2),
    lambda: f2(),
    lambda: f2(1),
    lambda: f2(1, 2, 3),
    lambda: f3(1),
    lambda: f3(1, 2, 3),
    lambda: f3(1, 2, 3, z=4),
    lambda: f4(1),
    lambda: f4(1, a=1),
    lambda: f5(),
    lambda: f5(1),
    lambda: f5(1, 2, 3, 4, 5),
    lambda: f6(),
    lambda: f6(b=2),
    lambda: f6(1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: f1(**{'x': 1, 'q': 2}),
    lambda: f1(*[1, 2]),
    lambda: f1(**{1: 2}),
    lambda: f1(*1),
    lambda: f1(**1),
    lambda: f1(1, **{'x': 2}),
]
for case in cases:
    try:
        case()
        print("no error")
    except TypeError as e:
        print(e)
