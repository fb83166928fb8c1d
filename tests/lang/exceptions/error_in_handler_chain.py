try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__context__.__context__)

try:
    try:
        raise ValueError("a")
    except ValueError as e:
        e2 = e
        raise
except ValueError as e:
    print(e is e2)
try:
    raise ValueError("x") from ValueError("cause")
except ValueError as e:
    e.__cause__ = None
    print(e.__cause__, e.__suppress_context__)
