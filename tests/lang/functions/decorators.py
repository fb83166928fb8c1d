def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper

def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco

@trace
def add(a, b):
    return a + b

@times(3)
@trace
def one():
    return 1

print(add(1, b=2))
print(one())

def register(cls):
    cls.registered = True
    return cls

@register
class K:
    pass

print(K.registered)
