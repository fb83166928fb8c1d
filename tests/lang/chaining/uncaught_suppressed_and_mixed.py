# raise ... from None hides the context; an explicit __cause__ set by
# assignment; a context chain mixed with a cause.
def step1():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden context") from None


def step2():
    try:
        step1()
    except ValueError as e:
        err = RuntimeError("wrapped")
        err.__cause__ = e
        raise err


def step3():
    try:
        step2()
    except RuntimeError:
        raise KeyError("final")


step3()
