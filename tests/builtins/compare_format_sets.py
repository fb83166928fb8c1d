# Built-in containers' own comparison slots (dict, range, slice), __format__'s
# argument checks, and set iteration orders that follow CPython's table sizing
# (set(s) and frozenset(s) merge a set's table, update() pre-sizes for a dict).
print({1:2}.__eq__({1:2}), range(3).__eq__(range(0,3)), slice(1).__eq__(slice(1)), {1:2}.__ne__({1:2}), slice(1).__lt__(slice(2)), range(3).__ne__(range(3)))
print(dict.__eq__, range.__eq__, slice.__lt__)
print(format([1], ''), format(1j, '.1f'))
try: format([1], 'x')
except Exception as e: print(e)
s = {1, 2}
print(s.symmetric_difference('a'), s ^ {'a'}, {'a'} ^ s)
s = set()
for x in [None, 'a', 1, b'a', 1.5, -1]:
    s.add(x); print(s)
s2 = set(s); print(s2)
s.add(1.5); print(s)
t = {'a', 1, 2}
print(t, set(t), t.copy())
t.update([1]); print(t)
u = set(); u.update({1, 'a', 2}); print(u)
v = {'a', 1}; v.add(2); print(v)
print(set(['a', 1, 2]), set([2, 1, 'a']), {2, 1, 'a'}, frozenset({1, 'a', 2}))
s = set()
for x in [None, 'a', 1, b'a', 1.5, -1]:
    s.add(x)
print(set(s)); print(s.copy()); t = set(); t.update(s); print(t); print(frozenset(s)); print(set(list(s)))
class D(dict): pass
print(D(a=1).__eq__({'a': 1}), {'a': 1} == D(a=1), dict.__eq__({}, {}))
print(set({1: 2, 'a': 3, None: 4}), set(range(20)) ^ {3, 'x'}, frozenset('abcdef') == set('fedcba'))
for f in [lambda: [].__format__(), lambda: [].__format__(1), lambda: (1j).__format__(1), lambda: (1j).__format__('.2f'), lambda: (2.5).__round__(ndigits=1)]:
    try: print(f())
    except TypeError as e: print(e)
