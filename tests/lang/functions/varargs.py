def f(*args, **kwargs):
    return args, sorted(kwargs.items())

print(f())
print(f(1, 2, 3))
print(f(a=1, b=2))
print(f(1, *[2, 3], *(4,), x=5, **{'y': 6}, z=7))

def g(a, b, *rest):
    return a, b, rest

print(g(*range(5)))
print(g(1, *"xy"))

def h(a, b=2, **kw):
    return a, b, kw

print(h(**{'a': 1}))
print(h(1, **{'b': 5, 'c': 6}))
