# Keys and items views compare as sets (with sets, frozensets and each
# other); values views and other types fall back to identity.
d = {1: "a", 2: "b"}
e = {2: "x", 1: "y"}
print(d.keys() == e.keys(), d.keys() != e.keys(), d.items() == e.items())
print(d.keys() == {1, 2}, {1, 2} == d.keys(), d.keys() == frozenset({1, 2}))
print(d.items() == {(1, "a"), (2, "b")}, {(1, "a"), (2, "b")} == d.items())
print(d.keys() < {1, 2, 3}, d.keys() <= {1, 2}, d.keys() > {1}, d.keys() >= {3})
print({1} < d.keys(), {1, 2, 3} > d.keys(), d.items() >= {(1, "a")})
print(d.keys() == [1, 2], d.keys() == (1, 2), d.values() == d.values(), d.values() == e.values())
print(d.keys() == d.items(), {}.keys() == set(), {}.items() == {}.keys())
try:
    d.keys() < [1, 2, 3]
except TypeError as exc:
    print("TypeError", exc)
print(sorted([{1: 0}.keys() == {1}, {1: 0}.keys() != {2}]))
