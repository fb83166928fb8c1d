# Loops at module level (names live in the globals dict) and functions that
# assign globals: the trace stores into the dict and looks names up there.

SCALE = 3


def weight(i):
    # Reads a global the module loop below keeps changing.
    return i * SCALE + offset


offset = 0
total = 0
for i in range(3000):
    total += weight(i)
    if i % 1000 == 999:
        offset += 1
        SCALE = SCALE + 1
print(total, offset, SCALE)

# A builtin shadowed mid-loop, then the shadow deleted.
count = 0
for i in range(600):
    if i == 200:
        def len(x):
            return 100
    if i == 400:
        del len
    count += len("abc")
print(count)

# A name deleted mid-loop: NameError at the right line.
gone = 1
try:
    for i in range(500):
        if i == 321:
            del gone
        acc = gone + i
except NameError as e:
    print("NameError:", e, "at", i)

counter = 0


def bump(n):
    global counter
    for _ in range(n):
        counter += 2
    return counter


print(bump(1000), bump(10), counter)

# Floats and strings through module names.
x = 0.5
words = []
for k in range(400):
    x = x * 1.0001 + 0.25
    if k % 100 == 0:
        words.append("w%d" % k)
print(round(x, 6), words)

# A nested loop at module level, and a while loop.
grid = 0
for a in range(60):
    for b in range(60):
        grid += a ^ b
n = 10 ** 5
steps = 0
while n != 1 and steps < 1000:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(grid, steps)
