# __setattr__/__delattr__ bound to any callable (dict.__setitem__) are called;
# a module's __dict__ is read-only; descriptor __qualname__ of built-in types;
# sys.getsizeof asks the type's __sizeof__, not the instance's __getattribute__.
import types, sys
class X(dict):
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__
x = X()
x.y = 42
print(x["y"], x)
del x.y
print(x)
class P:
    def __init__(self): self.a = 1
p = P(); p.b = 2; del p.a; print(vars(p))
class M(type):
    pass
class C(metaclass=M): pass
C.z = 3; print(C.z)
class E(Exception): pass
e = E(); e.q = 1; print(e.q)
class Module1(types.ModuleType): pass
m = Module1("spam")
for f in (lambda: setattr(m, '__dict__', {}), lambda: delattr(m, '__dict__')):
    try: f()
    except (AttributeError, TypeError) as ex: print(type(ex).__name__, ex)
print(complex.real.__qualname__, int.real.__qualname__)
class Q:
    def __getattribute__(self, n): raise AssertionError(n)
print(sys.getsizeof(Q()) > 0)
