# pprint: wrapping of nested containers, width/indent/depth/compact, sorting, recursion, pformat.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple

data = {"name": "tachyon", "versions": list(range(25)), "nested": {"a": [1, 2, {"deep": ("x", "y") * 6}],
        "b": {3, 1, 2}, "c": frozenset({"p", "q"}) and frozenset({7}), "z": None}, "text": "word " * 20}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pprint({"b": 1, "a": 2, "c": {"z": 0, "y": [1]}})
print(pprint.pformat([("a" * 30, "b" * 30), {"k": "v" * 50}]))
rec = [1, 2]
rec.append(rec)
print(pprint.pformat(rec).replace(str(id(rec)), "ID"))
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable({"a": 1}),
      pprint.saferepr(rec).replace(str(id(rec)), "ID"))
pprint.pprint(OrderedDict([("one", 1), ("two", [2] * 30)]))
pprint.pprint(defaultdict(list, {"k": list(range(30))}))
pprint.pprint(Counter("mississippi river banks"))
pprint.pprint(deque(range(30), maxlen=40))
P = namedtuple("P", "x y")
pprint.pprint([P(1, 2)] * 8)
pprint.pprint(b"bytes " * 20)
pprint.pprint("a long string that will be wrapped because it is definitely longer than the width " * 2)
pp = pprint.PrettyPrinter(width=30, indent=4, depth=3)
pp.pprint([[[[1, 2, 3]]], {"x": [{"y": {"z": 1}}]}])
print(pp.pformat(tuple(range(12))))
print(pprint.pformat({i: str(i) * i for i in range(8)}, width=60))
pprint.pprint(set(range(30)))
pprint.pprint([])
pprint.pprint(((),))
pprint.pprint({1: {2: {3: {4: {}}}}})
