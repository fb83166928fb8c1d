# Argument binding errors with CPython's messages: positional-only,
# keyword-only, duplicates, unexpected keywords, *args/**kwargs unpacking
# of bad values, and methods (which count self).
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e


print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
calls = [
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(1, 2, 3, 4, d=5),
    lambda: f(1, 2, 3, d=4, z=1),
    lambda: f(1, 2, 3, d=4, c=3),
    lambda: f(),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, 2, 3, **{"d": 1}, **{"d": 2}),
    lambda: f(1, 2, 3, **{1: 2}),
    lambda: (lambda *, k: k)(1),
    lambda: (lambda x, y=1, *a, z, **kw: 0)(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError", e)


class K:
    def method(self, x):
        return x

    @staticmethod
    def static(x):
        return x


for c in (lambda: K().method(), lambda: K().method(1, 2), lambda: K.method(1),
          lambda: K.static(), lambda: K().method(y=1)):
    try:
        c()
    except TypeError as e:
        print("TypeError", e)


def kwargs_only(**kw):
    return sorted(kw.items())


print(kwargs_only(**{"a": 1}, b=2), kwargs_only(**dict(x=1)))


def varargs(*args, **kwargs):
    return args, kwargs


print(varargs(*range(3), *"ab", k=1, **{"j": 2}))
