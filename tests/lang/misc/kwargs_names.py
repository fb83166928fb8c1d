def f(**kw):
    return kw
print(f(**{"not an identifier": 1, "1": 2}))
print(f(**{"a": 1}, b=2))
def g(a, **kw):
    return a, kw
print(g(1, **{"a2": 2}))
try:
    g(1, **{"a": 2})
except TypeError as e:
    print(e)
print(dict(f(x=1), y=2))
