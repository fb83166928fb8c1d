class M:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d[k]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]

m = M()
m["a"] = 1
m[1, 2] = 3
m[1:2] = 4
m[::2, ...] = 5
print(m["a"], m[1, 2])
m["a"] += 10
print(m.d["a"])
del m["a"]
try:
    m["zz"]
except KeyError as e:
    print("KeyError", e)
class NoItem: pass
try:
    NoItem()[0]
except TypeError as e:
    print(e)
try:
    NoItem()[0] = 1
except TypeError as e:
    print(e)
try:
    del NoItem()[0]
except TypeError as e:
    print(e)
class Missing(dict):
    def __missing__(self, k):
        return "missing-" + str(k)
print(Missing()["q"], Missing(a=1)["a"])
