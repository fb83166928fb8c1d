class Broken:
    def __repr__(self):
        raise RuntimeError("repr is broken")

items = [1, Broken()]
print(items)
