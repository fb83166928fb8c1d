# The loop's accumulator changes type part way: the trace recorded for ints
# must leave through its type guard and the interpreter carry on.
total = 0
for i in range(200):
    if i == 100:
        total = total + 0.5
    total += i
print(total)

x = 1
i = 0
while i < 60:
    x = x * 3 if i % 2 else x + 1
    i += 1
print(x)
