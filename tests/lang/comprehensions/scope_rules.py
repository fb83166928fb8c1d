# Comprehensions have their own scope: the loop variable does not leak,
# the first iterable is evaluated in the enclosing scope, class bodies
# are not visible inside, and closures capture per comprehension.
x = "outer"
print([x for x in range(3)], x)
print({x: x for x in "ab"}, x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


class K:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        broken = [v * len(values) for v in values]
    except NameError as e:
        error = str(e)


print(K.doubled, K.error)


def outer():
    n = 10
    return [n + j for j in range(2)], (n * k for k in range(2))


lst, gen = outer()
print(lst, list(gen))
print([(a, b) for a in range(3) for b in range(a)])
print([y for y in range(10) if y % 2 if y > 3])
it = iter(range(5))
print(list(a for a in it if a), list(it))
g = (1 / z for z in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    (u for u in 5)
except TypeError as e:
    print("TypeError", e)
