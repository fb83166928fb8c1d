# Traces guard each global they read by its binding (the namespace's keys
# unchanged, the name's value the same object), so other globals may change
# without leaving the trace; rebinding, deleting or shadowing the names read
# must still be seen.
import math
import string as mod


def double(x):
    return 2 * x


def work(n):
    total = 0
    for i in range(n):
        total += double(i) + len("ab") + int(math.floor(1.5))
    return total


results = []
for round_no in range(6):
    counter = round_no * 10  # a module-level store each round
    results.append(work(200))
    if round_no == 2:
        def double(x):
            return 3 * x
    if round_no == 3:
        len = lambda s: 100  # a global shadowing the builtin
    if round_no == 4:
        del len
        math.floor = lambda x: 7
print(results)


def late_bound(n):
    out = []
    for i in range(n):
        out.append(helper(i))
        if i == n // 2:
            globals()["helper"] = lambda x: -x
    return out


def helper(x):
    return x


print(late_bound(10))

mod.scale = 3


def use_module(n):
    total = 0
    for i in range(n):
        total += mod.scale
        if i == 50:
            mod.scale = 4
        if i == 80:
            del mod.scale
            mod.__getattr__ = lambda name: 10
    return total


print(use_module(100))


def missing_then_defined(n):
    got = []
    for i in range(n):
        try:
            got.append(maybe)
        except NameError as e:
            got.append(str(e))
        if i == 2:
            globals()["maybe"] = "here"
    return got


print(missing_then_defined(5))
