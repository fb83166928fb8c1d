big = 123456789 ** 50
print(len(str(big)), big % 1000003)
s = "x" * 100000
print(len(s), s[-3:])
l = [0] * 100000
print(len(l), sum(l))
t = tuple(range(50000))
print(len(t), t[-1])
d = dict(zip(range(20000), range(20000)))
print(len(d), d[19999])
src = "[" + ", ".join(map(str, range(5000))) + "]"
print(sum(eval(src)))
print((2 ** 20000) % 1000)
print(1e308 * 10, -1e308 * 10, 1e-320)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
