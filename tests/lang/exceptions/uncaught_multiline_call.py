def f(a, b, c):
    return a / b

result = f(
    1,
    0,
    2,
)
