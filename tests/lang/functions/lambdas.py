sq = lambda x: x * x
print(sq(4), (lambda: 7)(), (lambda *a, **k: (a, k))(1, b=2))
print(sq.__name__)
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + i for i in range(3)]
print([a(10) for a in late])
print((lambda x, y=3: x - y)(10))
print(sorted([3, -1, 2], key=lambda v: -v))
