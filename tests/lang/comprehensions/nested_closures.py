def make():
    base = 100
    return [lambda x, k=k: x + k + base for k in range(3)]
print([f(1) for f in make()])

def counter():
    counts = {}
    words = "a b a c b a".split()
    [counts.update({w: counts.get(w, 0) + 1}) for w in words]
    return counts
print(counter())

def outer():
    v = 1
    return [[v + a + b for a in range(2)] for b in range(2)]
print(outer())
print({k: [c for c in k] for k in ["ab", "c"]})
