# A native call that raises inside a trace: the traceback names the line
# of the call in the inlined frame and the loop's frame.


def parse(s):
    return int(s)


def total(items):
    t = 0
    for s in items:
        t += parse(s.strip())
    return t


print(total([" 1", "2 ", " 3 "] * 20))
total([" 1", "2 ", " 3 "] * 20 + ["x"])
