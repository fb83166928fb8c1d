# Instances keep their first attributes inline, sized by what earlier
# instances of the class came to hold: later instances that grow past that,
# lose attributes, switch to a dict or change class must keep every value.
import gc


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


points = [Point(i, i * 2, i * 3) for i in range(2000)]
gc.collect()
print(sum(p.x + p.y + p.z for p in points))

# Growing past the inline room, one attribute at a time.
for n, p in enumerate(points[:50]):
    for k in range(n % 12):
        setattr(p, "extra%d" % k, k * n)
gc.collect()
print([sorted(vars(p).items()) for p in points[10:13]])
print(sum(sum(vars(p).values()) for p in points[:50]))

# Later instances start with room for the most attributes seen.
late = [Point(-i, -i, -i) for i in range(100)]
for p in late[::7]:
    for k in range(10):
        setattr(p, "more%d" % k, k)
gc.collect()
print(sum(sum(vars(p).values()) for p in late))

# Deleting, re-adding and dict mode.
q = Point(1, 2, 3)
del q.y
q.w = 4
q.y = 5
print(vars(q))
for k in range(40):
    setattr(q, "a%d" % k, k)
for k in range(0, 40, 2):
    delattr(q, "a%d" % k)
print(len(vars(q)), q.x, q.y, q.z, q.w, q.a39)
q.__dict__.clear()
print(vars(q), hasattr(q, "x"))


class Other:
    pass


r = Point(7, 8, 9)
r.__class__ = Other
r.extra = 10
print(type(r).__name__, vars(r))


class Empty:
    pass


# A class whose instances never have attributes keeps none inline.
empties = [Empty() for _ in range(1000)]
gc.collect()
print(len(empties), vars(empties[0]))
e = empties[-1]
e.later = "x"
print(vars(e))
