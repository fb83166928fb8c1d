# f.__code__ = code: the function runs the new code from its next call,
# with its own globals, defaults and closure; the code must have as many
# free variables as the function has closure cells.
import copy


def a():
    return "a"


def b(x, y=10):
    return x + y


print(a(), b(1))
old = a.__code__
a.__code__ = b.__code__
print(a.__code__ is b.__code__, a.__name__, a(5, 6))
try:
    a(5)
except TypeError as e:
    print("TypeError:", e)
a.__code__ = old
print(a())

num_one, num_two = 7, 8


def outer():
    one, two = 1, 2

    def c():
        return one

    def d():
        return two

    def e():
        return one, two

    def plain():
        return 0

    return c, d, e, plain


c, d, e, plain = outer()
print(c(), d())
d.__code__ = c.__code__
print(c.__code__ == d.__code__, c(), d())
for target, source in [(plain, c), (e, d), (c, e), (c, plain)]:
    try:
        target.__code__ = source.__code__
    except ValueError as err:
        print("ValueError:", err)
for bad in [None, 1, "code", a]:
    try:
        a.__code__ = bad
    except TypeError as err:
        print("TypeError:", err)
try:
    del a.__code__
except TypeError as err:
    print("TypeError:", err)
print(a())

# test_funcattrs' copying___code__
def f():
    pass


f.__code__ = copy.copy(f.__code__)
print(f())


def g():
    return "g"


f.__code__ = g.__code__.replace(co_name="renamed")
print(f(), f.__code__.co_name, f.__name__)

# A hot loop calls a function whose code changes between runs.
def step(i):
    return i


def other(i):
    return -i


def total():
    s = 0
    for i in range(300):
        s += step(i)
    return s


print(total())
step.__code__ = other.__code__
print(total())
step.__code__ = (lambda i: 2 * i).__code__
print(total())


# generator code assigned to a plain function
def gen():
    yield 1
    yield 2


def h():
    return 0


h.__code__ = gen.__code__
print(list(h()), type(h()).__name__)
