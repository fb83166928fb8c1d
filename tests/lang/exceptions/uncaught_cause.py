def load(x):
    try:
        return int(x)
    except ValueError as e:
        raise RuntimeError("cannot load " + x) from e

load("abc")
