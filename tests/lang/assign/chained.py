def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 2 <= 2 >= 2)
a = [1]
print(a is a, a is not a, 1 in a in [a])
print(0 < 0.5 < 1, "a" < "b" < "c", (1, 2) < (1, 3) < (2,))
x = 5
print(0 <= x < 10, 0 <= x < 5)
