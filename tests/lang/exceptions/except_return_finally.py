def f(x):
    try:
        try:
            if x == 1:
                raise ValueError("v")
            return "no error"
        except ValueError:
            return "handled"
        finally:
            print("inner finally", x)
    finally:
        print("outer finally", x)

print(f(0), f(1))

def g():
    try:
        raise KeyError("a")
    except KeyError as e:
        try:
            return "returned while handling " + repr(e)
        finally:
            print("finally in handler")
print(g())

def h():
    result = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError
            except ValueError:
                result.append("caught")
                continue
            finally:
                result.append("fin%d" % i)
            result.append("body%d" % i)
        finally:
            result.append("outer%d" % i)
    return result
print(h())
