def f():
    try:
        raise ValueError("lost")
    finally:
        raise KeyError("wins")

try:
    f()
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))

def g():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "end"
print(g())

def h():
    try:
        return "try"
    finally:
        print("cleanup")
        x = 1
print(h())
