# gc.collect() returns how many unreachable objects the cycle collector
# found: garbage in a reference cycle or reachable only from one. Acyclic
# garbage is freed by reference counting before, so it counts nothing.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def count(name, make):
    gc.collect()
    make()
    print(name, gc.collect())


def instance_pair():
    a = Node()
    b = Node()
    a.other = b
    b.other = a


def instance_self():
    a = Node()
    a.me = a


def instance_with_atoms():
    a = Node()
    a.n = 1
    a.s = "text"
    a.me = a


def list_self():
    items = []
    items.append(items)


def list_pair():
    a = []
    b = [a]
    a.append(b)


def dict_self():
    d = {}
    d["d"] = d


def dict_int_key():
    d = {}
    d[1] = d


def hanging_from_a_cycle():
    d = {}
    d["d"] = d
    d["list"] = [1, 2, [3]]
    d["dict"] = {"a": []}
    d["atoms"] = {"a": 1}
    d["text"] = "str"


def acyclic():
    x = [[1], [2], {"a": Node()}]
    y = Node()
    y.z = [1]
    return None


def tuple_cycle():
    items = []
    t = (items, 1)
    items.append(t)


def set_cycle():
    a = Node()
    s = {a}
    a.s = s


def closure_cycle():
    def f():
        return f

    return None


def function_attribute():
    f = lambda: 0
    f.me = f


def empty_instance_in_list():
    items = [Node()]
    items.append(items)


def many_cycles():
    for i in range(100):
        items = []
        items.append(items)


def nested_hanging():
    a = []
    a.append(a)
    a.append([[[]]])
    a.append({1: 2})
    a.append(tuple([1, 2]))


def chain_into_cycle():
    # Acyclic garbage that refers to a cycle: the cycle is found, the
    # chain in front of it was freed by reference counting.
    a = []
    a.append(a)
    head = [[[a]]]


def long_chain_cycle():
    first = []
    node = first
    for i in range(10000):
        node.append([])
        node = node[0]
    node.append(first)


for name, make in list(globals().items()):
    if callable(make) and name not in ("count", "Node", "gc"):
        count(name, make)

print("twice", gc.collect(), gc.collect())
list_self()
list_pair()
print("two at once", gc.collect())
print("nothing left", gc.collect())
stats = gc.get_stats()
print(len(stats), sorted(stats[2]))
gc.enable()
print(gc.isenabled(), gc.garbage)
