# Bound methods, built-in or not, compare and hash by the function and the
# identity of what they are bound to (CPython 3.8).
l = []
print(l.append == l.append, l.append != l.append, l.__add__ == l.__add__)
print([].append == [].append, l.append == l.extend, l.__add__ == l.__mul__)
print(hash(l.append) == hash(l.append), hash(l.__add__) == hash(l.__add__))
print(len == len, int.__new__ == object.__new__, object.__new__ == object.__new__)
print(len(set([l.append, l.append, l.pop])))


class A:
    def __init__(self, x):
        self.x = x

    def f(self):
        pass

    def g(self):
        pass

    def __eq__(self, other):
        return True

    def __hash__(self):
        raise TypeError


class B(A):
    pass


a1, a2 = A(1), A(1)
print(a1.f == a1.f, a1.f != a1.f, a1.f == a2.f, a1.f == a1.g)
print(hash(a1.f) == hash(a1.f), hash(B.f) == hash(A.f), B.f == A.f)
try:
    a1.f < a1.f
except TypeError as e:
    print(e)
a = A(hash(A.f) ^ (-1))
print(type(hash(a.f)).__name__)
d = {a1.f: 1}
print(d[a1.f], a2.f in d)
