grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([[row[i] for row in grid] for i in range(3)])
print({(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row) if v % 4 == 0})
print([x for row in grid for x in row if x % 2 if x > 2])
print({frozenset([a, b]) for a in range(3) for b in range(3) if a != b} == {frozenset([0, 1]), frozenset([0, 2]), frozenset([1, 2])})
words = ["apple", "bob", "kayak"]
print([w for w in words if w == w[::-1]], {w: len(w) for w in words}, {len(w) for w in words})
print([(lambda v: v * i)(2) for i in range(3)])
print(sum([sum([1 for _ in range(i)]) for i in range(5)]))
