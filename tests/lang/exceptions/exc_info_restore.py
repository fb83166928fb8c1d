import sys

def current():
    t = sys.exc_info()[0]
    return t.__name__ if t else None

def ret_from_except():
    try:
        raise ValueError
    except ValueError:
        return current()

def break_from_except():
    for _ in range(1):
        try:
            raise KeyError
        except KeyError:
            break
    return current()

def nested():
    try:
        raise ValueError
    except ValueError:
        try:
            raise TypeError
        except TypeError:
            inner = current()
        after_inner = current()
    return inner, after_inner, current()

def in_finally():
    try:
        raise IndexError
    except IndexError:
        pass
    finally:
        fin = current()
    return fin

def with_handler():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            self.seen = current()
            return True
    cm = CM()
    with cm:
        raise OSError
    return cm.seen, current()

print(ret_from_except(), current())
print(break_from_except())
print(nested())
print(in_finally())
print(with_handler())
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    print(ret_from_except(), current())
print(current())
