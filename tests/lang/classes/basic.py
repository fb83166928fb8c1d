class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x ** 2 + self.y ** 2

p = Point(3, 4)
q = Point(1, 2)
print(p.norm2(), q.x, Point.count, p.count)
p.count = 10
print(p.count, Point.count)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object))
print(Point.__name__, Point.__qualname__, Point.__module__)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(Point.norm2(q))
print(sorted([k for k in p.__dict__]))
