# Weakref callbacks run after automatic collections too, not only after an
# explicit gc.collect(): a cycle that dies is found by a collection the
# program's own allocations start, and the callbacks run soon after, in
# the interpreter loop, where they may run any Python code.
import weakref


class Node:
    pass


events = []


def on_death(ref):
    # Python code of any kind: a loop, allocation, a nested function call.
    total = 0
    for k in range(50):
        total += len([k, k])
    events.append(("dead", ref() is None, total))


def make_cycle():
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    return weakref.ref(a, on_death)


def churn(limit):
    # Containers kept for a while, as a program's data: what makes both
    # CPython's collector and ours run.
    keep = []
    for i in range(limit):
        keep.append([i, str(i)])
        if len(keep) > 2000:
            keep = []
        if events:
            return True
    return False


r = make_cycle()
print("callback ran:", churn(3_000_000))
print(events)
print(r())

# Several refs to one cycle: each callback runs once.
events.clear()
seen = []


def several():
    a = Node()
    a.me = a
    return [weakref.ref(a, on_death), weakref.ref(a, lambda ref: seen.append(ref() is None))]


refs = several()
print("callback ran:", churn(3_000_000))
while not seen:
    churn(10_000)
print(len(events), seen, [x() for x in refs])
