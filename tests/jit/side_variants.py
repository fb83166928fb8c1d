# One loop site that sees several classes in turn gets a side trace per
# class (variants tried in order); a hot failure of one variant goes
# straight on to the next. Later the mix changes: variants that keep
# failing are dropped while the others stay linked to them.


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Tri:
    def __init__(self, b, h):
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class Blob:
    def area(self):
        return -1


def total(shapes):
    t = 0
    n = 0
    for s in shapes:
        if s.area() > 10:
            t += s.area()
        else:
            n += 1
    return t, n


mixed = []
for i in range(400):
    k = i % 4
    if k == 0:
        mixed.append(Circle(i % 7))
    elif k == 1:
        mixed.append(Square(i % 5))
    elif k == 2:
        mixed.append(Rect(i % 3, i % 11))
    else:
        mixed.append(Tri(i % 9, i % 13))

for round_ in range(30):
    print(round_, total(mixed))

# Only the last classes now: the first variants fail at once every time.
tail = [Tri(i % 9, 4) for i in range(300)] + [Blob() for _ in range(50)]
for round_ in range(30):
    print("tail", round_, total(tail))

# And the first class comes back.
for round_ in range(10):
    print("back", round_, total(mixed[:40] + tail[:40]))
