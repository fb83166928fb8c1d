# list.__new__ ignores its arguments and list.__init__ fills the list, so
# a subclass's __init__ may take others; object.__reduce_ex__ uses
# __getnewargs_ex__ (copyreg.__newobj_ex__ when there are keywords).
import copy
import pickle


class C3(list):
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.append("cheese")


x = C3(1, 2)
print(x, x.a, x.b)
print(list.__new__(list, 1, 2, 3), list.__new__(C3, 1, 2))
l = [1, 2]
l.__init__("ab")
print(l)
l.__init__()
print(l)
l = [1, 2]
l.__init__(l)
print(l)
for args, kwargs in [((1, 2), {}), ((), {"x": 1})]:
    try:
        list(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)


class C5(int):
    def __new__(cls, a, b, *, value=0):
        self = super().__new__(cls, value)
        self.a = a
        self.b = b
        return self

    def __getnewargs_ex__(self):
        return ((self.a, self.b), {"value": int(self)})

    def __repr__(self):
        return "C5(%r, %r)<%r>" % (self.a, self.b, int(self))


c = C5(1, 2, value=3)
r = c.__reduce_ex__(2)
print(r[0].__name__, r[1][1:], r[2])
print(copy.copy(c), copy.deepcopy(c))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(c, proto)))


class NoKw(int):
    def __new__(cls, a):
        self = super().__new__(cls, a)
        return self

    def __getnewargs_ex__(self):
        return ((int(self),), {})


print(NoKw(7).__reduce_ex__(2)[0].__name__, copy.copy(NoKw(7)))


class Bad(int):
    def __init__(self, result):
        self.result = result

    def __getnewargs_ex__(self):
        return self.result


for result in [5, (1,), (1, {}, 3), ([], {}), ((), [])]:
    try:
        Bad(0).__init__(result)
        b = Bad(0)
        b.result = result
        b.__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
