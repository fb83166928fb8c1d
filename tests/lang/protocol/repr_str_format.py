class P:
    def __repr__(self):
        return "P-repr"

class Q:
    def __repr__(self):
        return "Q-repr"
    def __str__(self):
        return "Q-str"

class F:
    def __format__(self, spec):
        return "F[" + spec + "]"

print(P(), str(P()), repr(P()), [P()], Q(), [Q()], str(Q()), "%s %r" % (Q(), Q()))
print(f"{Q()} {Q()!r} {Q()!s} {F():abc} {F()}", format(F(), "xy"), "{0} {0!r} {1:>3}".format(Q(), F()))

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
class Plain: pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
pl = Plain()
print(format(pl, "") == str(pl) or "differs")
