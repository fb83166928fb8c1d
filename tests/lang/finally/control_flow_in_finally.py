# return/break/continue inside finally discard the pending exception or
# return value; finally runs on every way out of try.
def return_overrides():
    try:
        return "try"
    finally:
        return "finally"


def return_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke at %d" % i


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out


def nested():
    log = []
    try:
        try:
            return log.append("inner try") or "inner"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
        print(log)


def finally_sees_return_value():
    x = 1
    try:
        return x
    finally:
        x = 2


def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("finally", n)


print(return_overrides())
print(return_swallows())
print(break_swallows())
print(continue_in_finally())
print(nested())
print(finally_sees_return_value())
print(while_finally())


def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")


try:
    exc_in_finally()
except TypeError as e:
    print("TypeError", e, "context", repr(e.__context__))
