# `:=` in a comprehension binds in the enclosing function's scope; when that
# function declares the name `global`, the comprehension assigns the global.
GLOBAL_VAR = None
sentinel = "sentinel"


def f():
    global GLOBAL_VAR
    [GLOBAL_VAR := sentinel for _ in range(1)]
    print("in f:", GLOBAL_VAR)


f()
print("module:", GLOBAL_VAR)
GLOBAL_VAR = None


def g():
    GLOBAL_VAR = None
    [GLOBAL_VAR := sentinel for _ in range(1)]
    print("in g:", GLOBAL_VAR)


g()
print("module:", GLOBAL_VAR)


def h():
    global COUNT
    COUNT = 0
    total = [COUNT := COUNT + i for i in range(5) for _ in [0] if (last := i) >= 0]
    return total, last


print(h(), COUNT)
