print({'w'} - set("w"))
print({1: 2}.items() - {(1, 2)})
a = {3, 1, 2, 100, 17, 33}
b = {2, 17, 5, 1000}
print(a | b, a & b, a - b, a ^ b, b - a, b ^ a)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return "K(%r)" % self.v
print(sorted(({K(1), K(2)} - {K(2)}), key=lambda k: k.v))
print(frozenset({1, 2}) | {3})
print({1.0, 2} & {1, 2.0})
