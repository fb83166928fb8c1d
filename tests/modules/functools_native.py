# _functools directly (functools.py itself needs _thread): reduce,
# partial (flattening, keywords, attributes, repr), cmp_to_key.
import _functools
from _functools import partial, reduce, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda acc, x: acc + [x * 2], "abc", []), reduce(max, [3, 9, 2]))
for c in ["reduce(operator.add, [])", "reduce(operator.add, 5)", "reduce(operator.add, [1], 2, 3)", "reduce()",
          "partial()", "partial(1)", "cmp_to_key(lambda a, b: 0)(1) < 5"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

def f(*a, **k):
    return a, k

p = partial(f, 1, a=2)
print(type(p).__name__, type(p).__module__, p.func is f, p.args, p.keywords, p(3, b=4), p(a=5))
q = partial(p, 3, b=4)
print(q.func is f, q.args, q.keywords, q(5, c=6))
print(repr(partial(len, [1, 2], x=[3])), repr(partial(max)))
print(repr(p).startswith("functools.partial(<function f at "), repr(p).endswith(", 1, a=2)"))

class C:
    m = partial(f, "bound?")

print(C().m(2), C.m(3))

class Sub(partial):
    pass

s = Sub(p, 9)
print(type(s).__name__, s.func is p, s.args, s(), repr(s).startswith("Sub(functools.partial("))
add3 = partial(operator.add, 3)
print(list(map(add3, range(5))), partial(int, base=2)("101"))

key = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(key).__name__, type(key(1)).__name__, key(1) < key(2), key(2) <= key(2), key(3) == key(3),
      key(1) != key(1), key(4) > key(2), key(1) >= key(2), key(7).obj)
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words, key=cmp_to_key(lambda a, b: len(a) - len(b))))
print(sorted(words, key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())), reverse=True))
print(max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
try:
    hash(key(1))
except TypeError as e:
    print(type(e).__name__)
total = 0
inc = partial(operator.add, 1)
for i in range(3000):
    total = inc(total)
print(total)
