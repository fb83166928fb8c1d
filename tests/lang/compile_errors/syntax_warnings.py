x = 5
if x is 1:
    pass
print(x is not "a", x is None, x is -1, x is ())
try:
    5()
except TypeError as e:
    print(e)
try:
    [1, 2] [1.0]
except TypeError as e:
    print(e)
try:
    (1)[0]
except TypeError as e:
    print(e)
try:
    "abc"["x"]
except TypeError as e:
    print(e)
try:
    assert (x == 2, "msg")
except AssertionError:
    print("no")
print([(1, 2)][0])
def f():
    return 1 is 1.0
print(f())
print(f"{x}"(1) if False else "fstring call not evaluated")
print([1][0], (1, 2)[1], "ab"[True])
