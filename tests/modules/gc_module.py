# gc's switches and thresholds; collect() frees what is unreachable (a
# weakref to a dead cycle is cleared).
import gc
import weakref

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(800, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.collect()).__name__, type(gc.collect(0)).__name__)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
print(gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked(gc))
print(gc.garbage, gc.callbacks, len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.freeze(), gc.unfreeze(), gc.get_freeze_count(), len(gc.get_count()))
print(gc.DEBUG_STATS, gc.DEBUG_LEAK, gc.get_debug())


class Node:
    pass


a = Node()
b = Node()
a.other = b
b.other = a
r = weakref.ref(a)
del a, b
gc.collect()
print(r() is None)
