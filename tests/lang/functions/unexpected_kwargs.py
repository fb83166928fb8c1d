def f(a, b=1):
    pass

class C:
    def __init__(self, x):
        pass
    def m(self, y):
        pass

cases = [
    lambda: f(1, c=2),
    lambda: f(1, b=2, b2=3),
    lambda: C(1, y=2),
    lambda: C(x=1).m(z=3),
    lambda: C(),
    lambda: f(),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, *, y: 0)(1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
