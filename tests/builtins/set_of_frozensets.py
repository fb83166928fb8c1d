# A set looked up in a set of frozensets (in, discard, remove) is taken as the
# frozenset of its elements, as CPython's set_contains retries it.
s = {frozenset({1}), frozenset(), frozenset({2, 3})}
print({1} in s, set() in s, {2} in s, {3, 2} in s, {3, 2} not in s)
s.discard({1})
print(sorted(map(sorted, s)))
s.remove(set())
print(sorted(map(sorted, s)))
try:
    s.remove({5})
except KeyError as e:
    print("KeyError", e)
for bad in ([1], {1: 2}):
    try:
        bad in s
    except TypeError as e:
        print("TypeError", e)


class S(set):
    pass


print(S({2, 3}) in s, {frozenset({2, 3}): "v"}.get(frozenset(S({2, 3}))))
try:
    {frozenset(): 1}[set()]
except TypeError as e:
    print("TypeError", e)
