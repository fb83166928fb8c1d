for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("never")
for x in []:
    print("never")
else:
    print("empty else")
while False:
    pass
else:
    print("while else")
