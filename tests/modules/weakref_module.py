# _weakref.ref: construction, calling, callbacks' argument checks.
import _weakref

class A:
    pass

a = A()
r = _weakref.ref(a)
print(r() is a, type(r).__name__, _weakref.ref is _weakref.ReferenceType)
print(_weakref.ref(A)() is A)
d = {"k": _weakref.ref(a)}
_weakref._remove_dead_weakref(d, "k")
print(list(d))

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("int", lambda: _weakref.ref(1))
show("str", lambda: _weakref.ref("x"))
show("none", lambda: _weakref.ref())
