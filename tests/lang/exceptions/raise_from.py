try:
    try:
        {}["x"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("ctx")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("none") from None
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e.__cause__))

try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
