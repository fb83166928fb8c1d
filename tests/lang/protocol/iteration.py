class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)))
for v in Countdown(2):
    print(v)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i

print(list(Seq()), 9 in Seq(), 5 in Seq())
a, b, c, d = Seq()
print(a, b, c, d)

class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)

it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args)

class IterNone:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(IterNone())
except TypeError as e:
    print(e)
print(list(zip(Countdown(3), Seq())))
print(sum(Countdown(5)), max(Countdown(4)), sorted(Countdown(3)))
