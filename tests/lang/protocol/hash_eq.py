class K:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, K) and self.k == o.k
    def __hash__(self):
        return hash(self.k)

d = {K(1): "one", K(2): "two"}
print(d[K(1)], K(2) in d, K(3) in d, len({K(1), K(1), K(2)}))

class NoHash:
    def __eq__(self, o):
        return True

print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)

class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print(e)

class Inherit(K):
    pass
print(hash(Inherit(5)) == hash(5))

class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(e)

class BigHash:
    def __hash__(self):
        return 2 ** 70
print(hash(BigHash()) == hash(2 ** 70))
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
