class C:
    def __len__(self):
        return 1
    def __repr__(self):
        return "class repr"

c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), repr(c), c.__len__(), c.__repr__())

class D:
    pass
d = D()
d.__call__ = lambda: "called"
try:
    d()
except TypeError as e:
    print(e)
D.__call__ = lambda self: "class call"
print(d())
D.__len__ = lambda self: 7
print(len(d))
del D.__len__
try:
    len(d)
except TypeError as e:
    print(e)
