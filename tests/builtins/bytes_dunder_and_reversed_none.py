# bytes(x) asks type(x).__bytes__ first (before __index__ and iteration);
# `__reversed__ = None` makes reversed() refuse an object.


class B:
    def __bytes__(self):
        return b"from dunder"

    def __index__(self):
        return 3


class Bad:
    def __bytes__(self):
        return "text"


class Sub(bytes):
    pass


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)


class NoRev(Seq):
    __reversed__ = None


print(bytes(B()), bytearray(B()), type(Sub(B())).__name__, Sub(B()))
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError:", e)
print(list(reversed(Seq())))
try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError:", e)
b = B()
b.__bytes__ = lambda: b"instance"
print(bytes(b))
