def f(data):
    if any([(hit := x) > 2 for x in data]):
        return hit
    return None
print(f([1, 3, 5]), f([1]))

def g():
    [last := i for i in range(4)]
    return last
print(g())
total = 0
[total := total + v for v in (1, 2, 3)]
print(total)
def h():
    found = None
    def inner():
        nonlocal found
        [found := c for c in "xyz" if c == "y"]
    inner()
    return found
print(h())
print([y := 5, y ** 2])
