a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
x, *y = [1]
print(x, y)
[p, q] = "pq"
print(p, q)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
m = n = [0]
m.append(1)
print(n)
obj = type("O", (), {})()
obj.a, obj.b = 1, 2
lst = [0, 0]
lst[0], lst[1] = "xy"
print(obj.a, obj.b, lst)
d = {}
d["k"], = [5]
print(d)
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
