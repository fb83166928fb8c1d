class Obj:
    def __init__(self):
        self.v = 1
        self.items = [1, 2]

o = Obj()
o.v += 5
o.items[0] += 10
o.items += [3]
print(o.v, o.items)

class Tracer:
    def __init__(self):
        self.store = {"k": 1}
    def __getitem__(self, k):
        print("getitem", k)
        return self.store[k]
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.store[k] = v

class A:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        print("get x")
        return self._x
    @x.setter
    def x(self, v):
        print("set x", v)
        self._x = v

t = Tracer()
t["k"] += 1
a = A()
a.x *= 7
print(a._x)

def key():
    print("key evaluated")
    return "k"
def target():
    print("target evaluated")
    return t
target()[key()] -= 2
print(t.store)
d = {"a": [1]}
d["a"] += [2]
print(d)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print(e)
print(tup)
g = 1
def h():
    global g
    g += 1
h()
print(g)
try:
    undefined_var += 1
except NameError as e:
    print(e)
