items = [3, 1, 0, 2]
f = lambda x: 10 // x
print([f(x) for x in items])
