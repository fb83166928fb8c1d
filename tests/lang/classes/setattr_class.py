class C:
    pass
setattr(C, "x", 5)
print(C.x, getattr(C, "x"), hasattr(C, "y"))
delattr(C, "x")
print(hasattr(C, "x"))
try:
    delattr(C, "x")
except AttributeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
try:
    (1).foo = 2
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    "s".upper = 1
except AttributeError as e:
    print(e)
try:
    getattr(C, 5)
except TypeError as e:
    print(e)
