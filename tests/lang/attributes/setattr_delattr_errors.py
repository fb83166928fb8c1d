# setattr/delattr/getattr built-ins: non-string names, missing attributes,
# built-in types that refuse, and class attribute deletion.
class C:
    x = 1


c = C()
for f, args in ((getattr, (c, 1)), (setattr, (c, 2, 3)), (delattr, (c, None)), (hasattr, (c, b"x"))):
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
try:
    delattr(c, "x")
except AttributeError as e:
    print("AttributeError:", e)
del C.x
try:
    C.x
except AttributeError as e:
    print("AttributeError:", e)
for obj, name in (("s", "upper"), ([], "append"), (None, "x")):
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    object().attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.new_attr = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del int.real
except TypeError as e:
    print("TypeError:", e)
f = lambda: 0
f.custom = "ok"
print(f.custom, getattr(f, "__name__"))
print(getattr(c, "y", None), getattr(C, "__name__"))
