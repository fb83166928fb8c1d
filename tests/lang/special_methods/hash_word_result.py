# An int that __hash__ returns is the hash as it is when it fits a machine
# word (only -1 becomes -2); a wider one is hashed again.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in (0, -1, 2 ** 47, 2 ** 50 + 3, -(2 ** 60), 2 ** 63 - 1, -(2 ** 63), 2 ** 63, 2 ** 64 + 5, -(2 ** 70), True):
    print(h, hash(H(h)))


class S(str):
    def __eq__(self, other):
        return str.__eq__(self, other)

    def __hash__(self):
        return hash(str(self))


print(hash(S('abc')) == hash('abc'), len({S('abc'), 'abc'}), {'abc': 1, S('abc'): 2})
