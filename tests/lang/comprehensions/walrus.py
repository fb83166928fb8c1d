data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 4])
print(y)

def f():
    total = 0
    vals = [total := total + v for v in range(5)]
    return total, vals
print(f())
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((z := 5), z)
def g(a):
    return [(b := a + 1), b * 2]
print(g(3))
