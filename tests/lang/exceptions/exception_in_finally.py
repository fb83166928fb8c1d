def f():
    try:
        raise KeyError("in try")
    finally:
        raise ValueError("in finally")

f()
