# Small ints grow past the immediate range, then past 64 bits.
def grow(n):
    v = 1
    for _ in range(n):
        v = v * 7 + 1
    return v
print(grow(10))
print(grow(40))
print(grow(100))
acc = 0
for i in range(2**47 - 5, 2**47 + 5):
    acc += i
print(acc)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
big = 0
step = 2**40
for k in range(100):
    big += step
print(big)
