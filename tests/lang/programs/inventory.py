class InsufficientStock(Exception):
    def __init__(self, name, wanted, have):
        super().__init__(f"{name}: wanted {wanted}, have {have}")
        self.name = name

class Item:
    def __init__(self, name, price, qty=0):
        self.name, self.price, self.qty = name, price, qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, qty={self.qty})"
    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)

class Inventory:
    def __init__(self):
        self._items = {}
    def add(self, item):
        if item.name in self._items:
            self._items[item.name].qty += item.qty
        else:
            self._items[item.name] = item
        return self
    def take(self, name, qty):
        item = self._items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise InsufficientStock(name, qty, item.qty)
        item.qty -= qty
        return item.price * qty
    def __iter__(self):
        return iter(sorted(self._items.values()))
    def total_value(self):
        return sum([i.price * i.qty for i in self._items.values()])

inv = Inventory()
inv.add(Item("apple", 0.5, 10)).add(Item("pear", 0.75, 4)).add(Item("apple", 0.5, 5)).add(Item("fig", 2.0, 1))
print(list(inv), inv.total_value())
print(inv.take("apple", 3))
for name, qty in [("pear", 10), ("kiwi", 1), ("fig", 1)]:
    try:
        print("took", name, inv.take(name, qty))
    except InsufficientStock as e:
        print("short:", e, e.name)
    except KeyError as e:
        print("unknown:", e)
print(list(inv), round(inv.total_value(), 2))
