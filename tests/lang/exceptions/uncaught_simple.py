class MyError(Exception):
    pass

def f(n):
    if n == 0:
        raise MyError("deep", 42)
    return f(n - 1)

f(3)
