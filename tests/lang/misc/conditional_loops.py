for i in range(3):
    if i == 1:
        continue
    print("for", i)
else:
    print("for-else")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print(n)
x = 5
print("big" if x > 3 else "small", "a" if 0 else "b")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, not 0, not 1, None or [] or "last")
for c in "ab":
    for d in "xy":
        if d == "y":
            break
        print(c, d)
if x:
    pass
elif x > 1:
    print("no")
else:
    print("no")
