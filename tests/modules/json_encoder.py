# The _json encoder's paths: ASCII and non-ASCII strings in both modes,
# str-subclass and non-str keys, dict subclasses, sort_keys, default.
import json, collections
class S(str): pass
class D(dict):
    def items(self): return [("b", 1), ("a", 2)]
docs = [{"a": 1, "b": [1, 2.5, None, True], "c\n\"q\\": "t\te\x01x\x7f", "é": "中文", S("sub"): S("v")},
        {1: 2, 2.5: 3, True: 4, None: 5}, D(x=1), collections.OrderedDict(z=1, a=2), [], {}, [[]], -5, 10**30]
for d in docs:
    print(json.dumps(d))
    print(ascii(json.dumps(d, ensure_ascii=False)))
    try:
        print(json.dumps(d, sort_keys=True, separators=(",", ":")))
    except TypeError as e:
        print("TypeError", e)
print(json.dumps({"a": object()}, default=repr)[:20])
try:
    json.dumps({(1,): 2})
except TypeError as e:
    print(e)
print(json.dumps({(1,): 2, "k": 1}, skipkeys=True))
print(json.dumps({"\ud800": "\udc00x"}))
