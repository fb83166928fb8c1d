# Starred assignment targets in every position, nested, in for loops,
# and the errors for too few values.
first, *rest = [1, 2, 3]
*init, last = "abc"
a, *mid, z = range(5)
print(first, rest, init, last, a, mid, z)
(p, *q), r = (1, 2, 3), 4
print(p, q, r)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
*everything, = {1: "a"}
print(everything)
[h, *t] = iter([9])
print(h, t)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[4]], (*"xy",), {*"aab"} == {"a", "b"}, {**{"k": 1}, "j": 2})
d = {}
d["x"], *d["rest"] = "hey"
print(d)


class O:
    pass


o = O()
o.first, *o.others = (1, 2)
print(o.first, o.others)
