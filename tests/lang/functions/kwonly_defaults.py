def f(*, a=1, b, c=3):
    return a, b, c

print(f(b=2), f(a=0, b=0, c=0))
try:
    f()
except TypeError as e:
    print(e)
try:
    f(c=1)
except TypeError as e:
    print(e)

def g(x, *args, y, z):
    return x, args, y, z
try:
    g(1, 2)
except TypeError as e:
    print(e)
print(g(1, 2, 3, y=4, z=5))
f.__kwdefaults__ = {"b": "patched"}
print(f())
def h(a, b=2):
    return a, b
h.__defaults__ = (20,)
print(h(1))
h.__defaults__ = (10, 20)
print(h())
