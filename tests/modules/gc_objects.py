# gc's object listings (get_objects, get_referents, get_referrers),
# is_tracked's rules, freeze counts, debug flags and gc.callbacks.
import gc


class Node:
    pass


n = Node()
n.payload = [1, 2]
print(gc.get_referents(n) == [n.__dict__, Node])
print(gc.get_referents([1, "a", []], (2,)))
print(gc.get_referents({"k": [1], "j": 2}), gc.get_referents({1: "one", (2,): 3}))
print(sorted(gc.get_referents({5, 6, 7})), gc.get_referents(1, "s", None))

print(any(o is n for o in gc.get_objects()), any(o is n.payload for o in gc.get_objects()))
print(all(gc.is_tracked(o) for o in gc.get_objects()[:1000]))


def count_nodes():
    return sum(1 for o in gc.get_objects() if isinstance(o, Node))


def with_temporary_node():
    t = Node()
    return count_nodes()


print("Nodes", count_nodes(), with_temporary_node(), count_nodes())
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError", e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError", e)
print(type(gc.get_objects(generation=2)).__name__, type(gc.get_objects(None)).__name__)

target = ["target"]
holder = {"x": target}
box = [target]
tup = (target, 1)
other = Node()
other.t = target
referrers = gc.get_referrers(target)
print(sorted(type(r).__name__ for r in referrers if r is not globals()))
print(any(r is holder for r in referrers), any(r is box for r in referrers),
      any(r is tup for r in referrers))
print(gc.get_referrers(12345) == [] or all(isinstance(r, (dict, list, tuple)) for r in gc.get_referrers(12345)))

cases = [1, 1.5, 2j, "s", b"b", bytearray(), None, True, range(3), object(), NotImplemented,
         ..., (), (1, 2), [], {}, {"a": 1}, {"a": []}, {(): 1}, set(), frozenset(), len,
         Node, Node(), type, int, lambda: 0, gc, slice(1)]
print("".join("1" if gc.is_tracked(c) else "0" for c in cases))

print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
print(gc.get_debug())
gc.set_debug(0)

events = []


def hear(phase, info):
    events.append((phase, sorted(info), info["generation"], type(info["collected"]).__name__))


gc.callbacks.append(hear)
gc.collect()
gc.collect(1)
gc.callbacks.remove(hear)
gc.collect()
for e in events:
    print(e)
print(gc.garbage)
