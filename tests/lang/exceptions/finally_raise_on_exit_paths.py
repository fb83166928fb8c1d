def ret():
    try:
        return 1
    finally:
        print("finally body")
        raise ValueError("from finally")

def brk():
    for i in range(2):
        try:
            break
        finally:
            print("loop finally", i)
            raise KeyError("k")

def cont():
    for i in range(2):
        try:
            continue
        finally:
            print("continue finally", i)
            if i == 1:
                raise IndexError("i")

class Exit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("__exit__", args[0])
        raise RuntimeError("from __exit__")

def with_return():
    with Exit():
        return "never"

for f in [ret, brk, cont, with_return]:
    try:
        f()
    except Exception as e:
        print(f.__name__, type(e).__name__, e, "context:", repr(e.__context__))
