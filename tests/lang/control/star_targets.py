for a, *rest in ["abc", "de", "f"]:
    print(a, rest)
class CM:
    def __enter__(self):
        return (1, 2, 3)
    def __exit__(self, *a):
        pass
with CM() as (first, *others):
    print(first, others)
[x, [y, *z]] = [1, [2, 3, 4]]
print(x, y, z)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
*a, = range(3)
print(a)
head, *_, tail = range(10)
print(head, _, tail)
d = {}
d["a"], *d["rest"] = "xyz"
print(d)
