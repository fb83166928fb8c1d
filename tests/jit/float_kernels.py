def integrate(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h
print(integrate(1000))
print(integrate(12345))
def mandel(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n
print([mandel(x / 10.0, 0.3, 200) for x in range(-20, 6)])
print(1e308 * 10, -1e308 * 10)
try:
    z = 0.0
    for i in range(5):
        z = 1.0 / (i - 3)
        print(z)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
