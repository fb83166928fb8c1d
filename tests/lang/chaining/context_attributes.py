# __context__, __cause__, __suppress_context__ and __traceback__ as
# attributes, without printing tracebacks.
def chain():
    try:
        try:
            raise ValueError("a")
        except ValueError as a:
            raise TypeError("b") from a
    except TypeError as b:
        raise KeyError("c")


try:
    chain()
except KeyError as c:
    print(repr(c), repr(c.__context__), repr(c.__cause__), c.__suppress_context__)
    b = c.__context__
    print(repr(b.__cause__), repr(b.__context__), b.__suppress_context__)
    print(type(c.__traceback__).__name__, c.__traceback__.tb_lineno)
try:
    raise ValueError from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
e = Exception("x")
print(e.__context__, e.__cause__, e.__traceback__, e.__suppress_context__)
try:
    raise ValueError("v") from 42
except TypeError as t:
    print("TypeError", t)
try:
    raise ValueError("v") from KeyError
except ValueError as v:
    print(repr(v.__cause__))
e.__cause__ = None
try:
    e.__cause__ = 5
except TypeError as t:
    print("TypeError", t)
try:
    e.__context__ = "s"
except TypeError as t:
    print("TypeError", t)
