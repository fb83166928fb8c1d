# A side trace may begin between a method's load and its call (a global
# read in between changed): the call must still pass the receiver the load
# left, or none for a module function.
import operator


class Acc:
    def __init__(self):
        self.base = 100

    def add(self, a, b):
        return self.base + a + b


acc = Acc()
samples = [3, 5, 7, 11, 13]
for data in samples:
    print(" ".join(str(operator.add(data, k)) for k in range(40)))
    print(sum(acc.add(data, k) for k in range(40)))
