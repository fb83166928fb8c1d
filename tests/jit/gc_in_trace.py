# Collections while a trace runs: gc.collect() called from code the trace
# calls (a native call in an inlined function, and a function the trace
# runs through a helper) while the loop holds fresh objects only in the
# trace's registers. Lists allocated afterwards would reuse the cells of
# objects the collector wrongly freed.
import gc


class Box:
    def __init__(self, v):
        self.v = v


def collect_inline(i):
    # Inlined into the trace: gc.collect() is a direct native call.
    gc.collect()
    return i


def collect_nested(i):
    # Has a loop of its own, so the trace calls it through a helper that
    # runs the interpreter (and perhaps the inner loop's trace).
    n = 0
    for _ in range(2):
        n += 1
    gc.collect()
    return i + n


def churn(i):
    return [[i * 7, i * 7 + 1] for _ in range(3)]


def loop_inline(n):
    total = 0
    for i in range(n):
        a = [i, i + 1]
        b = Box(i * 2)
        collect_inline(i)
        churn(i)
        total += a[0] + a[1] + b.v
    return total


def loop_nested(n):
    total = 0
    for i in range(n):
        a = [i, i + 1]
        t = (a, str(i))
        collect_nested(i)
        churn(i)
        total += t[0][1] + len(t[1])
    return total


def keys_and_values(n):
    # A dict and its items built in the loop, collected mid-iteration.
    out = []
    for i in range(n):
        d = {"k%d" % i: [i] * 3}
        collect_inline(i)
        churn(i)
        for k, v in d.items():
            out.append((k, sum(v)))
    return out[-3:]


print(loop_inline(60))
print(loop_nested(60))
print(keys_and_values(40))
