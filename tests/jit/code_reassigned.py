# Assigning f.__code__ while a loop that calls f runs compiled: the next
# call runs the new code, and a frame already running keeps its old code.


def double(x):
    return x * 2


def triple(x):
    return x * 3


def run_calls():
    total = 0
    for i in range(300):
        if i == 150:
            double.__code__ = triple.__code__
        total += double(i)
    print("calls", total)


run_calls()


class Point:
    def __init__(self, x):
        self.x = x


def init_neg(self, x):
    self.x = -x


def run_init():
    total = 0
    for i in range(300):
        if i == 200:
            Point.__init__.__code__ = init_neg.__code__
        total += Point(i).x
    print("init", total)


run_init()


def other(n, code):
    return n - 1000


def switcher(n, code):
    # Replaces its own code, then leaves the trace at the branch: this
    # frame finishes the old code, the next call runs the new.
    switcher.__code__ = code
    y = n + 1
    if n == 120:
        y = y + 0.5
    return y


def run_self():
    codes = [switcher.__code__, other.__code__]
    total = 0
    for i in range(250):
        total += switcher(i, codes[i >= 120])
    print("self", total)


run_self()


def f(a):
    return a + 1


def g(a):
    return a + 100


def run_alternating():
    codes = [f.__code__, g.__code__]
    total = 0
    for i in range(400):
        if i % 50 == 0:
            f.__code__ = codes[(i // 50) % 2]
        total += f(i)
    print("alternating", total)


run_alternating()
