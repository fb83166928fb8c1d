def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))

def apply_n(f, n):
    return lambda x: x if n == 0 else apply_n(f, n - 1)(f(x))
print(apply_n(dbl, 10)(1))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))

def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
