def f(a, b, /, c=3):
    return a, b, c

def g(a, /, *, k):
    return a, k

for call in [lambda: f(1, b=2), lambda: f(a=1, b=2), lambda: f(1, 2, 3, 4), lambda: g(1, 2), lambda: g(a=1, k=2), lambda: f(1, 2, d=5), lambda: g(1)]:
    try:
        print(call())
    except TypeError as e:
        print(e)
print(f(1, 2), f(1, 2, c=9), g(1, k=2))
