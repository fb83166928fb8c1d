class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("done")
        return self.n

print(list(It()), [x for x in It()], sum(It()))
it = It()
for x in it:
    pass
print(it.n)
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
