x = 1
del x
print("x" in globals())
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
class O: pass
o = O()
o.a = 1
o.b = 2
del o.a
print(vars(o) if False else hasattr(o, "a"), o.b)
a, b = 1, 2
del a, b
print("a" in dir())
c = [1, 2, 3]
del (c[0], c[1])
print(c)
e = [[1, 2], [3]]
del e[0][1]
print(e)
try:
    del d["zz"]
except KeyError as err:
    print("KeyError", err)
try:
    del lst[100]
except IndexError as err:
    print(err)
try:
    del o.nothing
except AttributeError as err:
    print(err)
def f():
    v = 1
    del v
    del v
try:
    f()
except UnboundLocalError as err:
    print(err)
try:
    del undefined_global
except NameError as err:
    print(err)
