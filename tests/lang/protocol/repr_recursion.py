l = [1]
l.append(l)
print(l)
d = {"k": 1}
d["self"] = d
print(d)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError")
