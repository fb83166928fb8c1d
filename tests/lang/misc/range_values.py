# range objects: equality by value, hashing, attributes, repr, bool,
# negative steps, containment of non-ints, index/count with equal objects.
print(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(3, 3)), hash(range(1, 2, 5)) == hash(range(1, 3, 5)))
r = range(10, -10, -3)
print(r, r.start, r.stop, r.step, len(r), list(r), r[-1], r[2:5], r[::-2])
print(bool(range(0)), bool(range(1)), 4 in r, 3.0 in range(5), 'a' in range(5))
print(range(5).index(True), range(5).count(1.0), list(reversed(range(1, 10, 4))))
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
print(range(1, 5), range(-3), list(range(-3)), range(2, 20, 5)[1:])
print(sorted({range(3): 'x'}.values()), max(range(7)), sum(range(101)))
