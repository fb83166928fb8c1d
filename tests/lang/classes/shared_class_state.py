class Bag:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1

a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(Bag.items, a.count, b.count, Bag.count)
print("count" in a.__dict__, "items" in a.__dict__)
class Fixed:
    def __init__(self):
        self.items = []
f1, f2 = Fixed(), Fixed()
f1.items.append(1)
print(f1.items, f2.items)
