# The census of the core types' methods: each public method called with
# typical, edge and wrong arguments, results and error messages printed.
# OPEN lists the (type, method) pairs whose answers still differ from
# CPython 3.8's: they are left out until fixed. None are left.
OPEN = {}
import sys
ARGS = [(), (None,), ('a',), (1,), (-1,), (b'a',), (1.5,), ('a', 1), (1, 2), ('ab', 'x', 1)]
SAMPLES = {
    str: ['', 'Hello World', 'a\tb\nc', 'ǅß1'],
    bytes: [b'', b'Hello World', b'a\tb\nc'],
    bytearray: [bytearray(b'abc')],
    list: [[], [3, 1, 2], ['a', 'b']],
    tuple: [(), (1, 2, 1), ('a',)],
    dict: [{}, {'a': 1, 'b': 2}],
    set: [set(), {1, 2}],
    frozenset: [frozenset(), frozenset({1, 2})],
    int: [5, -2 ** 70],
    float: [2.5, float('inf')],
    complex: [0j, 1 + 2j],
    range: [range(0), range(1, 10, 3)],
    slice: [slice(1, 5, 2), slice(None)],
}
SKIP = {'__getattribute__', '__setattr__', '__delattr__', '__init__', '__new__', '__init_subclass__', '__subclasshook__', '__reduce__', '__reduce_ex__', '__sizeof__', '__dir__', '__class__', '__format__', '__hash__', '__getnewargs__', 'fromkeys', 'maketrans', 'fromhex', '__class_getitem__'}
def show(v):
    if isinstance(v, float) and v != v:
        return 'nan'
    r = repr(v)
    if ' at 0x' in r:
        return '<%s>' % type(v).__name__
    return r
count = 0
for t, samples in SAMPLES.items():
    names = sorted(n for n in dir(t) if n not in SKIP and n not in OPEN.get(t.__name__, ())
                   and callable(getattr(t, n, None)))
    for name in names:
        for s in samples:
            for args in ARGS:
                if isinstance(s, (list, dict, set, bytearray)):
                    s = type(s)(s)
                try:
                    r = show(getattr(s, name)(*args))
                except Exception as e:
                    r = '!%s: %s' % (type(e).__name__, e)
                count += 1
                print('%s(%s).%s%s -> %s' % (t.__name__, show(s), name, show(args), r))
print(count)
