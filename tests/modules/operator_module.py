# _operator through operator: the native functions, the getters and
# methodcaller with their reprs and errors.
import operator
import _operator

print(operator.add is _operator.add, operator.itemgetter is _operator.itemgetter)
print(operator.add(1, 2), operator.sub(5, 7), operator.mul("ab", 3), operator.truediv(7, 2),
      operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.lshift(1, 40),
      operator.rshift(-256, 3), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.neg(5), operator.pos(-2.5), operator.inv(5), operator.invert(0), operator.not_([]),
      operator.truth([0]), operator.abs(-3), operator.abs(-2.5), operator.index(7))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1.0),
      operator.gt((1, 2), (1,)), operator.ge([1], [2]), operator.is_(None, None), operator.is_not(1, None))
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.contains([1, 2], 2),
      operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l, operator.getitem(l, -1), operator.getitem("hello", slice(1, 3)))
x = [1]
y = operator.iadd(x, [2])
print(x, y is x, operator.iconcat([0], (1,)), operator.imul([1], 2), operator.isub(5, 2), operator.ipow(2, 3),
      operator.imod(7, 4), operator.ifloordiv(7, 2), operator.itruediv(1, 4), operator.iand(6, 3),
      operator.ior(6, 3), operator.ixor(6, 3), operator.ilshift(1, 3), operator.irshift(8, 3))
class Five:
    def __length_hint__(self):
        return 5

print(operator.length_hint([1, 2]), operator.length_hint(Five()), operator.length_hint(5, 7))

class Hint:
    def __length_hint__(self):
        return NotImplemented

class BadHint:
    def __length_hint__(self):
        return -1

print(operator.length_hint(Hint(), 4))
print(_operator._compare_digest(b"abc", b"abc"), _operator._compare_digest("abc", "abd"),
      _operator._compare_digest(b"ab", bytearray(b"abc")))

errors = [
    "operator.add(1)", "operator.add(1, 'a')", "operator.indexOf([1], 2)", "operator.index(1.5)",
    "operator.concat(1, 2)", "operator.concat({}, {})", "operator.length_hint(BadHint())",
    "_operator._compare_digest('é', 'é')", "_operator._compare_digest(1, 2)", "_operator._compare_digest('a', b'a')",
    "operator.itemgetter()", "operator.itemgetter(1)()", "operator.methodcaller()",
    "operator.attrgetter(1)", "operator.methodcaller(1)", "operator.itemgetter(5)([1])",
    "operator.attrgetter('nope')(1)", "operator.neg('a')", "operator.itemgetter(1)(1, 2)",
]
for c in errors:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

ig = operator.itemgetter(1)
ig2 = operator.itemgetter(0, 2, slice(1, None))
print(ig, ig2, ig("abc"), ig2("abc"), ig({1: "one"}))
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=operator.itemgetter(0)))
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=operator.itemgetter(1, 0)))

class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct

p = P("ann", P("bob"))
ag = operator.attrgetter("name")
ag2 = operator.attrgetter("name", "child.name")
print(ag, ag2, ag(p), ag2(p))
mc = operator.methodcaller("greet", "hi", punct="?")
print(mc, mc(p), operator.methodcaller("upper")("abc"), operator.methodcaller("split", ",", 1)("a,b,c"))
print(repr(operator.methodcaller("f")), repr(operator.itemgetter("k")))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
total = 0
get = operator.itemgetter(1)
for i in range(3000):
    total = operator.add(total, get((i, i * 2)))
print(total)
print(operator.__lt__ is operator.lt, operator.__add__(1, 2))
