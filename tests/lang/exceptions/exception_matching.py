def classify(exc):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        return "type/value " + type(e).__name__
    except LookupError as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "arith"
    except Exception:
        return "generic"

for exc in [TypeError, ValueError("v"), KeyError, IndexError(1), ZeroDivisionError, OverflowError, RuntimeError, UnicodeDecodeError("utf-8", b"x", 0, 1, "bad")]:
    print(classify(exc))

try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not here")
except BaseException as e:
    print("base", type(e).__name__)

errors = (KeyError, IndexError)
try:
    [][1]
except errors as e:
    print("tuple var", type(e).__name__)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
