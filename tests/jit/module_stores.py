# A module-level loop stores its globals into their dict entries: a
# function called from the loop that reads, rebinds, deletes or adds
# globals must see and be seen as in the interpreter.


def bump():
    global count
    count += 100


def drop():
    global total
    del total


def grow(i):
    globals()["extra%d" % i] = i


total = 0
count = 0
log = []
for i in range(12):
    total += i
    count += 1
    if i == 3:
        bump()
    if i == 5:
        drop()
        total = -1
    if i >= 7:
        grow(i)
    log.append((total, count))
print(log)
print(extra7, extra11)

acc = []
for word in ["a", "b", "c", "d"]:
    last = word
    acc.append(last * 2)
print(acc, last, word)
