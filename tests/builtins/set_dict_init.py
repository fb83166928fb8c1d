# set.__init__ empties the set and refills it; dict.__init__ adds to the
# dict; their __new__ makes an empty container either way (as CPython).
s = {1}; s.__init__([2]); print(s)
s = {1, 2}; s.__init__(); print(s)
s = {1, 2}; s.__init__(s); print(s)
s = {1, 2}; set.__init__(s, 'ab'); print(sorted(s))
print(set.__new__(set, [1, 2]), dict.__new__(dict, {1: 2}), type(set.__new__(set)))
d = {1: 2}; d.__init__({3: 4}, x=5); print(d)
d = {1: 2}; dict.__init__(d, [(1, 'one')]); print(d)

class S(set):
    pass

class D(dict):
    pass

class Twice(set):
    def __init__(self, it):
        super().__init__(it)
        super().__init__([x * 2 for x in it])

print(S([1, 2]), D(a=1), D([(1, 2)]), set(), set([3, 1]), dict(a=1), dict([(1, 2)], b=3), dict({1: 2}))
print(Twice([1, 2]), S.__new__(S, [1]), D.__new__(D, {1: 2}))
print(set(range(3)), set(x for x in 'ab' if x), frozenset([1]) | set([2]))

for f in [lambda: set(1, 2), lambda: S(1, 2), lambda: set(x=1), lambda: S(x=1),
          lambda: dict(1, 2), lambda: D(1, 2), lambda: set(1), lambda: {1}.__init__(1, 2),
          lambda: set.__init__(1), lambda: dict.__init__(1), lambda: dict([1]), lambda: D([[1, 2, 3]])]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
