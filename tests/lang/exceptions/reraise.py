def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            pass
        raise

try:
    f()
except ValueError as e:
    print("reraised", e)

def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err

try:
    g()
except ZeroDivisionError as e:
    print("again", e)

try:
    try:
        raise ValueError(1)
    finally:
        print("cleanup")
except ValueError as e:
    print("caught", e)
