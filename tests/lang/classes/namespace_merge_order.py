# A mapping that iterates in its own order (OrderedDict after move_to_end)
# keeps that order when copied by type() and by {**m} / f(**m).
import collections

od = collections.OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a')
print(list(od.items()))
C = type('C', (), od)
print([k for k in C.__dict__ if not k.startswith('__')])
print(list({**od}.items()))
print(list(dict(od).items()))


def show(**kw):
    return list(kw)


print(show(**od))


class Reversed(dict):
    def __iter__(self):
        return reversed(list(super().__iter__()))

    def keys(self):
        return list(self)


r = Reversed(x=1, y=2, z=3)
print(list({**r}), show(**r), list(dict(r)))
print([k for k in type('D', (), r).__dict__ if not k.startswith('__')])
