def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c

print(f(1))
print(f(1, 3))
print(f(5, c=[0]))
print(f(7))
print(f.__defaults__[0])

def g(x, y=None, *, z=10):
    return x, y, z

print(g(1), g(1, 2), g(1, z=3), g(1, 2, z=4))
print(g.__kwdefaults__)
