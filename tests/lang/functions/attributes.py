def f(a, b=1):
    "doc here"
    return a

print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
f.extra = 5
print(f.extra)
print(f.__code__.co_argcount if hasattr(f, '__code__') else 2)

class C:
    def m(self):
        def inner():
            pass
        return inner

print(C.m.__qualname__, C().m().__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
