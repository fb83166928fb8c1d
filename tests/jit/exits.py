# Each way out of a compiled loop: guard failures, exceptions, break,
# return, and loops entered many times.
def find(limit, target):
    for i in range(limit):
        if i == target:
            return i
    return -1
print([find(50, t) for t in (0, 10, 49, 60)])

def with_break(n):
    s = 0
    for i in range(n):
        s += i
        if s > 1000:
            break
    return s, i
print(with_break(10), with_break(100))

def raises(n):
    s = 0
    for i in range(n):
        s += 10 // (7 - i)
    return s
try:
    print(raises(20))
except ZeroDivisionError as e:
    print("caught", e)

def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
    return total
print(nested(30))

def gen(n):
    for i in range(n):
        yield i * i
print(sum(gen(100)))

def rec(n):
    if n == 0:
        return 0
    s = 0
    for i in range(3):
        s += i
    return s + rec(n - 1)
print(rec(50))

class Point:
    def __init__(self, x):
        self.x = x
pts = [Point(i) for i in range(20)]
acc = 0
for p in pts:
    acc += p.x
    if acc > 50:
        p.y = 1
print(acc)

flag = True
count = 0
for i in range(100):
    if flag:
        count += 1
    if i == 50:
        flag = False
print(count)
