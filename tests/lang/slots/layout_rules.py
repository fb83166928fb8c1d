# __slots__ layout rules: `__class__` assignment between classes whose
# instance layouts match, bases whose layouts conflict, `__dict__` and
# `__weakref__` slots a base already gives, weak references to slotted
# instances, and the sizes CPython reports for them.
import weakref


class G(object):
    __slots__ = ["a", "b"]


class H(object):
    __slots__ = ["b", "a"]


class I(object):
    __slots__ = ["a", "b"]


class J(object):
    __slots__ = ["c", "b"]


class K(object):
    __slots__ = ["a", "b", "d"]


class L(H):
    __slots__ = ["e"]


class M(I):
    __slots__ = ["e"]


class N(J):
    __slots__ = ["__weakref__"]


class P(J):
    __slots__ = ["__dict__"]


class Q(J):
    pass


class R(J):
    __slots__ = ["__dict__", "__weakref__"]


class Int(int):
    __slots__ = []


class Plain:
    pass


print("-- sizes")
for c in G, J, K, L, M, N, P, Q, R, Int, Plain:
    print(c.__name__, c.__basicsize__, c.__dictoffset__, c.__weakrefoffset__)

print("-- compatible layouts")
for cls, cls2 in ((G, H), (G, I), (I, H), (Q, R), (R, Q)):
    x = cls()
    x.a = 1
    x.__class__ = cls2
    print(cls.__name__, "->", type(x).__name__, x.a)
    x.__class__ = cls
    print("back to", type(x).__name__, x.a)

print("-- layouts that differ")
refused = []
for cls in G, J, K, L, M, N, P, R, list, Int:
    for cls2 in G, J, K, L, M, N, P, R, list, Int:
        if cls is cls2:
            continue
        try:
            cls().__class__ = cls2
            print("allowed", cls.__name__, "->", cls2.__name__)
        except TypeError as e:
            refused.append(str(e))
print(len(refused), "refused")
for msg in refused[:6] + refused[-4:]:
    print(msg)

print("-- lay-out conflicts")


class A1:
    __slots__ = ["a"]


class B1:
    __slots__ = ["b"]


for bases in [(A1, B1), (int, str), (list, dict), (A1, Plain), (Plain, A1), (int, Plain)]:
    try:
        C = type("C", bases, {})
        print([b.__name__ for b in bases], "ok", C.__basicsize__)
    except TypeError as e:
        print([b.__name__ for b in bases], e)


class Empty:
    __slots__ = ()


class Mixed(Empty, Plain):
    __slots__ = ()


print("secondary base gives dict and weakref:", Mixed.__basicsize__ == Plain.__basicsize__,
      hasattr(Mixed, "__dict__"), hasattr(Mixed, "__weakref__"))
m = Mixed()
m.x = 2
print(m.__dict__, weakref.ref(m)() is m)

print("-- __dict__ and __weakref__ slots")
for base, slots in [(Plain, "__dict__"), (Plain, "__weakref__"), (G, "__dict__"),
                    (G, "__weakref__"), (N, "__weakref__"), (P, "__dict__"),
                    (Int, "__weakref__"), (object, ("__dict__", "__dict__"))]:
    try:
        type("X", (base,), {"__slots__": slots})
        print(base.__name__, slots, "ok")
    except TypeError as e:
        print(base.__name__, slots, e)

print("-- weak references")
for c in G, N, R, Q, Plain, Empty, Mixed:
    try:
        r = weakref.ref(c())
        print(c.__name__, "weakref ok")
    except TypeError as e:
        print(c.__name__, e)
