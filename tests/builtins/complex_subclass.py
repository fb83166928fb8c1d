# complex subclasses: construction, attributes, arithmetic results of the
# base type, __complex__ and the identity of complex(z).
class C(complex):
    def __new__(cls, *args):
        return complex.__new__(cls, *args)

    def show(self):
        return "C" + repr(complex(self))


class D(complex):
    pass


c = C(1, 2)
print(type(c).__name__, c, c.real, c.imag, c.show(), isinstance(c, complex))
print(type(c + 1).__name__, c + 1, c * c, abs(D(3, 4)), c == complex(1, 2), hash(c) == hash(1 + 2j))
d = D("3-4j")
d.tag = "x"
print(d, d.tag, type(d.conjugate()).__name__, repr(D()), D(2.5), D(1j, 1j))
z = 1 + 2j
print(complex(z) is z, complex(c) is c, type(complex(c)).__name__, complex(c))
print(type(D(c)).__name__, D(c))


class WithComplex:
    def __complex__(self):
        return 5 + 6j


print(complex(WithComplex()), D(WithComplex()))
try:
    complex.__new__(int)
except TypeError as e:
    print("TypeError", e)
print({C(1, 0): "a"}[1], sorted([abs(C(0, 3)), abs(D(4))]))
