# array comparisons compare items by == (a NaN item differs from itself);
# repeating by a non-int is a TypeError; fromstring checks its argument
# before it warns.
import array, warnings

nan = float('nan')
for code in 'fd':
    x = array.array(code, [1.0, nan])
    y = array.array(code, [1.0, nan])
    print(x == y, x != y, x < y, x <= y, x > y, x >= y, x == x, x != x)
a = array.array('i', [1, 2, 3])
for b in [array.array('i', [1, 2]), array.array('i', [1, 2, 3, 0]), array.array('i', [1, 5]), array.array('b', [1, 2, 3])]:
    print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == [1, 2, 3], a != (1, 2, 3))

for f in [lambda: a * "bad", lambda: a.__mul__("bad"), lambda: a.__imul__("bad"), lambda: a.__rmul__("bad"),
          lambda: a * 2.5, lambda: 2.5 * a, lambda: a * None]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError")
print(a * 2, 2 * a, a * True, a * -1)
c = array.array('b', [7])
c *= 3
print(c)

class Times:
    def __rmul__(self, other):
        return ('rmul', list(other))
    def __mul__(self, other):
        return ('mul', list(other))

print(a * Times(), Times() * a)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    b = array.array('i')
    for arg in [42, None, [1]]:
        try:
            b.fromstring(arg)
        except TypeError as e:
            print(e)
    b.fromstring(array.array('i', [5, 6]).tostring())
    b.fromstring('abcd')
    print(b[:2], len(b), len(caught))
