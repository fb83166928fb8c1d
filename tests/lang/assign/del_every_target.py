# del of names, attributes, subscripts, slices, tuples and lists of
# targets, globals from functions, and the errors of each.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = list(range(10))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
(d["b"]), = [0]
del [d["b"]]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)


class C:
    pass


c = C()
c.attr = 1
del c.attr
try:
    del c.attr
except AttributeError as e:
    print("AttributeError", e)
g = 5


def drop_global():
    global g
    del g


drop_global()
print("g" in globals())


def drop_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError " + str(e)


print(drop_local())


def drop_unbound():
    del never


try:
    drop_unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
a, b = 1, 2
del (a, b)
print("a" in dir(), "b" in dir())
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError", e)


def closure_del():
    cell = 1

    def read():
        return cell
    del cell
    try:
        read()
    except NameError as e:
        print("NameError", e)


closure_del()
