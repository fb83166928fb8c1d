# Set and dict comprehensions traced: SetAdd and MapAdd as helper calls,
# with hashing that raises partway, unhashable items, and equal keys of
# different types (the first key stays, the last value wins).


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        if self.v == 37:
            raise ValueError("no hash for 37")
        return hash(self.v)

    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v


def build(n):
    s = {i % 7 for i in range(n)}
    d = {i: i * i for i in range(n)}
    d2 = {str(i % 5): i for i in range(n)}
    try:
        bad = sorted(k.v for k in {K(i) for i in range(n)})
    except ValueError as e:
        bad = str(e)
    try:
        bad2 = sum(k.v for k in {K(i): 1 for i in range(n)})
    except ValueError as e:
        bad2 = str(e)
    try:
        bad3 = {(i, [i]) for i in range(n) if i > 30}
    except TypeError as e:
        bad3 = str(e)
    return sorted(s), len(d), sum(d.values()), d2, bad, bad2, bad3


for n in (10, 40, 100):
    print(build(n))

mixed = [1.5, 2, 2.0, True, 1]
for _ in range(3):
    print({x for x in mixed}, {k: v for k, v in [(1, "a"), (1.0, "b"), (True, "c")]})

# A module-level comprehension over many items, its result type checked.
squares = {i: i * i for i in range(200)}
print(type(squares).__name__, len(squares), squares[199])
