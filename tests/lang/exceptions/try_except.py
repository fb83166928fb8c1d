def f(kind):
    try:
        if kind == 1:
            raise ValueError("v")
        if kind == 2:
            raise KeyError("k")
        if kind == 3:
            return "returned"
        print("no error")
    except ValueError as e:
        print("ValueError", e)
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    else:
        print("else")
    finally:
        print("finally", kind)
    return "end"

for k in range(4):
    print(f(k))

try:
    try:
        1 / 0
    except ValueError:
        print("wrong")
except ZeroDivisionError as e:
    print("outer", e)

e = "before"
try:
    raise TypeError("t")
except TypeError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)

try:
    raise IndexError
except Exception as ex:
    print(type(ex).__name__, ex.args, repr(ex), str(ex))

try:
    raise KeyError("a", "b")
except KeyError as ex:
    print(ex.args, str(ex))
print(repr(ValueError()), repr(ValueError(1, 2)), str(KeyError("x")), str(KeyError()))
