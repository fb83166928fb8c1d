def ret_in_finally():
    try:
        return 1
    finally:
        return 2

def swallow():
    try:
        raise ValueError
    finally:
        return "swallowed"

def brk():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("fin", i)
    return i

def cont():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke", i

def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n

def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")

def order():
    log = []
    try:
        try:
            log.append("try")
            raise ValueError
        except ValueError:
            log.append("except")
            raise
        finally:
            log.append("finally")
    except ValueError:
        log.append("outer")
    return log

print(ret_in_finally(), swallow(), brk(), cont(), break_in_finally(), continue_in_finally())
print(nested())
print(order())

def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            print("w", i)
print(while_finally())
