class R:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag

ops = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod", "pow", "lshift", "rshift", "and", "xor", "or"]
def make(name):
    def method(self, other):
        return f"{self.tag}.__r{name}__({other!r})"
    return method
for name in ops:
    setattr(R, f"__r{name}__", make(name))

r = R("r")
print(1 + r, 1 - r, 1 * r, 1 / r, 1 // r, 1 % r, divmod(1, r), 1 ** r, pow(2, r))
print(1 << r, 1 >> r, 1 & r, 1 ^ r, 1 | r, "s" + r if False else "skip", [1] * 1 if False else "skip2")
class M:
    def __repr__(self):
        return "M()"
    def __matmul__(self, o):
        return NotImplemented
print(M() @ r)
print(2.5 - r, (1 + 2j) * r, True & r)
