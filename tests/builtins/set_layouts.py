# A set made from another set, a dict or a union takes CPython's table
# layout (a copy or clean inserts after one resize, not one add per key),
# and the layout is what iteration and printing show.
s = {35, 3, 67, 19, 51}
print(s, set(s), frozenset(s), set(frozenset(s)))
t = set(range(0, 200, 16))
print(set(t), t)
u = {100, 4, 36}
u.update({68, 132, 20})
print(u)
print({1, 2} | {33, 65, 97, 129}, {129, 1} | set(range(60, 70, 2)))
d = dict.fromkeys([35, 3, 67, 19, 51])
print(set(d), frozenset(d), set(d.keys()))
v = {1, 2, 3}
v.update({35, 67, 99}, [7, 8], {130: 1, 4: 2})
print(v)
w = set(range(10))
w.clear()
w |= {40, 8, 72}
print(w)
x = {64, 1}
x.discard(64)
x.update({129, 65})
print(x)
print(set(range(5)) | {37, 69}, {37, 69}.union(range(5)), set([3, 67, 35]).copy())
print(frozenset([3, 67, 35]) | {99}, {3, 67} & {67, 3, 131}, {3, 67, 131} - {67}, {3, 67} ^ {131, 195})


class MySet(set):
    pass


print(MySet(s), set(MySet(s)), MySet(d))
