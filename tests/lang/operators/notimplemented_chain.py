# NotImplemented from both sides gives CPython's TypeError for every
# binary operator; returning it from one side falls back to the other.
class Never:
    def __getattr__(self, name):
        raise AttributeError(name)


class Decline:
    def _no(self, other):
        return NotImplemented
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _no
    __matmul__ = __rmatmul__ = __truediv__ = __rtruediv__ = _no
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = _no
    __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = _no
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _no


ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("@", lambda a, b: a @ b), ("/", lambda a, b: a / b), ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b), ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b),
    (">>", lambda a, b: a >> b), ("&", lambda a, b: a & b), ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b), ("divmod", divmod), ("pow", pow),
]
for sym, f in ops:
    for a, b in ((Decline(), 1), (1, Decline()), (Decline(), Decline()), ("s", Never())):
        try:
            f(a, b)
        except TypeError as e:
            print(sym, "TypeError:", e)


class Half:
    def __mul__(self, other):
        if isinstance(other, int):
            return "Half*int"
        return NotImplemented


class Other:
    def __rmul__(self, other):
        return "Other.__rmul__"


print(Half() * 2, Half() * Other())
try:
    -Never()
except TypeError as e:
    print("TypeError:", e)
try:
    ~"x"
except TypeError as e:
    print("TypeError:", e)
