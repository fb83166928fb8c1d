def f(a, b=2, *args, c, d=4, **kw):
    x = 1
    return x
c = f.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames[:6])
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__qualname__)
print(f.__module__, f.__globals__ is globals(), type(f).__name__)
f.__name__ = "renamed"
print(f.__name__)
try:
    f.__name__ = 5
except TypeError as e:
    print(e)
f.attr = [1]
print(f.__dict__, f.attr)
def g():
    pass
print(g.__defaults__, g.__kwdefaults__, g.__doc__, g() is None)
lam = lambda: 0
print(lam.__name__, lam.__qualname__)
