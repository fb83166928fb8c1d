# The iteration protocol: __iter__ returning non-iterators, the
# __getitem__ fallback, __iter__ = None, iter(callable, sentinel),
# __contains__ fallbacks and __reversed__/__len__.
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(OldStyle()), 20 in OldStyle(), 5 in OldStyle())
print(list(reversed([1, 2])), next(iter(OldStyle())))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)


class NoIter:
    __iter__ = None

    def __getitem__(self, i):
        return i


try:
    iter(NoIter())
except TypeError as e:
    print("TypeError", e)
count = iter([1, 2, 3, 0, 4]).__next__
print(list(iter(count, 0)))


class Contains:
    def __contains__(self, x):
        return x == "yes"


print("yes" in Contains(), "no" in Contains(), "no" not in Contains())


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]


print(list(reversed(Seq())), len(Seq()), sorted(Seq(), reverse=True))
try:
    reversed(object())
except TypeError as e:
    print("TypeError", e)
try:
    3 in 5
except TypeError as e:
    print("TypeError", e)


class StopsEarly:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(list(StopsEarly()), any(StopsEarly()), all(StopsEarly()))
it = iter([1, 2])
print(list(zip(it, it)), list(it))
