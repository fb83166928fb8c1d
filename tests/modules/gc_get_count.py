# gc.get_count(): objects allocated since the last collection, then how many
# collections of generations 0 and 1 ran since one of the next older.
import gc

gc.collect()
a, b, c = gc.get_count()
x = []
d, e, f = gc.get_count()
print((b, c), (e, f), a < 5, d > a)

gc.collect()
x = []
gc.collect(0)
a, b, c = gc.get_count()
gc.collect(1)
d, e, f = gc.get_count()
gc.collect(2)
g, h, i = gc.get_count()
print((b, c), (e, f), (h, i))

gc.collect(0)
gc.collect(0)
gc.collect(0)
print(gc.get_count()[1:])
gc.collect(1)
gc.collect(1)
print(gc.get_count()[1:])
gc.collect()
print(gc.get_count()[1:], type(gc.get_count()[0]))

try:
    gc.get_count(1)
except TypeError as e:
    print(e)
