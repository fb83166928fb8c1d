# dict_keys and dict_items compare as sets and are unhashable; dict_values
# hashes by identity, as in CPython 3.8.
import collections.abc

d = {1: 2}
for view in (d.keys(), d.values(), d.items()):
    name = type(view).__name__
    print(name, type(view).__hash__ is None, isinstance(view, collections.abc.Hashable))
    try:
        print(name, hash(view) == hash(view))
    except TypeError as e:
        print(name, 'TypeError', e)
try:
    {d.keys(): 1}
except TypeError as e:
    print('TypeError', e)
print(len({d.values(), d.values()}))
