def f():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    continue
                if i == 2:
                    break
                out.append((i, j))
            finally:
                out.append("f")
        else:
            out.append("inner-else")
    return out
print(f())

def g():
    i = 0
    while i < 5:
        i += 1
        try:
            try:
                if i == 3:
                    raise ValueError(i)
            finally:
                if i == 4:
                    break
        except ValueError as e:
            print("caught", e)
            continue
        print("after", i)
    return i
print(g())

def h():
    for i in range(3):
        with open_cm(i) as v:
            if v == 1:
                return "returned from with " + str(v)
class open_cm:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        print("enter", self.v)
        return self.v
    def __exit__(self, *a):
        print("exit", self.v)
print(h())
