def f():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            print("handling", e)
            raise TypeError("second") from None
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer got", e, e.__context__ is not None, e.__suppress_context__)
        return "done"
    finally:
        print("outer finally")

print(f())

def loop():
    results = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            results.append(i)
        except ValueError as e:
            results.append(-e.args[0])
            continue
        finally:
            results.append("f")
    return results
print(loop())

def gen_ctx():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError as e:
            return repr(e.__context__)
print(gen_ctx())
