# Sequence operators follow CPython: the number protocol first (the other
# operand's reflected method), then the sequence's sq_concat/sq_repeat,
# which raise rather than return NotImplemented when called directly.
class X:
    def __radd__(self, o): return ("radd", o)
    def __rmul__(self, o): return ("rmul", o)
class I:
    def __index__(self): return 2
class L(list): pass
class B(bytes): pass
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for v in ([1], (1,), "a", b"a", bytearray(b"a"), L([1]), B(b"a")):
    t(lambda: v.__add__(5))
    t(lambda: v.__add__(X()))
    t(lambda: v + X())
    t(lambda: v * X())
    t(lambda: X() * v if False else v.__mul__("x"))
    t(lambda: v.__rmul__("x"))
    t(lambda: v.__mul__(I()))
    t(lambda: v.__rmul__(I()))
    t(lambda: v * I())
    t(lambda: I() * v)
    t(lambda: v + 5)
    t(lambda: 5 + v)
    t(lambda: v * "x")
    t(lambda: v * 2.0)
    t(lambda: v.__mul__(2.0))
    t(lambda: v.__add__(v))
    t(lambda: v.__add__(memoryview(b"zz")))
    t(lambda: v + memoryview(b"zz"))
t(lambda: [1].__imul__("x"))
t(lambda: [1].__imul__(I()))
x = [1]; x *= I(); print(x)
t(lambda: L([1]) + [2])
t(lambda: [2] + L([1]))
t(lambda: type(L([1]) * 2))
class R:
    def __radd__(self, o): return "R.radd"
    def __rmul__(self, o): return "R.rmul"
    def __iter__(self): return iter([7])
x = [1]; x += R(); print(x)
x = [1]; x *= R(); print(x)
x = (1,); x += R(); print(x)
x = bytearray(b"a"); x += R(); print(x)
x = [1]; x += L([5]); print(x)
x = [1]; x += range(2); print(x)
t(lambda: exec("x = (1,); x += [2]"))
t(lambda: exec("x = b'a'; x += 'c'"))
t(lambda: exec("x = 'a'; x *= 2.0"))
x = 3; x *= [1]; print(x)
x = 3; x *= L([1]); print(x)
s = {1}; s |= frozenset({2}); print(s)
class S(set): pass
s = {1}; y = s; s |= S({2}); print(s, s is y)
class Q:
    def __mul__(self, o): return NotImplemented
    def __index__(self): return 3
t(lambda: Q() * [1])
t(lambda: Q() * "ab")
class Z(list):
    def __radd__(self, o): return "Z.radd"
t(lambda: [1] + Z())
t(lambda: Z([1]) + [2])
t(lambda: list.__add__(Z([1]), [2]))
t(lambda: str.__add__("a", 1))
t(lambda: bytes.__mul__(b"ab", 2))
t(lambda: [1].__add__())
t(lambda: [1].__mul__(1, 2))
