# An f-string of more pieces than one register window (implicitly
# concatenated literals add up): built a window at a time.
x = "X"
width = 3


def build(n, extra=""):
    return "f'" + ("{x} " * n) + extra + "'"


for n in (254, 255, 256, 257, 600):
    s = eval(build(n))
    print(n, len(s), s == (x + " ") * n)

s = eval(build(255) * 40)
print(len(s), s == (x + " ") * (255 * 40))
s = eval(build(300, "{x:{width}}|"))
print(len(s), s.endswith("X  |"))
s = eval("f'{1}' 'x' 'y'" * 400)
print(len(s), s == "1xy" * 400)
pieces = " ".join("f'{%d!r:>4}'" % i for i in range(700))
s = eval(pieces)
print(len(s), s[:12], s[-8:])
