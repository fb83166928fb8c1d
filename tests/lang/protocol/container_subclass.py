class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack" + list.__repr__(self)

s = Stack()
s.push(1).push(2).push(3)
print(s, s.peek(), len(s), s.pop(), s, bool(Stack()), s + [9], type(s + [9]).__name__)
print(isinstance(s, list), s == [1, 2], sorted(Stack([3, 1, 2])), [x * 2 for x in s])

class DefaultDict(dict):
    factory = list
    def __missing__(self, key):
        self[key] = v = self.factory()
        return v

d = DefaultDict()
d["a"].append(1)
d["a"].append(2)
d["b"]
print(sorted(d.items()), len(d), "a" in d, d.get("zz"))

class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in "hello":
    c.add(ch)
print(sorted(c.items()), c)
class Tup(tuple):
    @property
    def first(self):
        return self[0]
t = Tup((5, 6))
print(t.first, t, len(t), t + (7,), type(t[0:1]).__name__)
