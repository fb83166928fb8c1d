# Sets of small ints and exact strs are settled without Python-level
# equality; anything else that meets an equal hash still goes through
# __eq__ (and numbers of equal value stay one key).
class LoudStr(str):
    def __eq__(self, other):
        print('LoudStr.__eq__', repr(other))
        return str.__eq__(self, other)

    def __hash__(self):
        return hash(str(self))


s = {1, 2, -1, -2, 2 ** 47, -(2 ** 47), 2 ** 62, -(2 ** 62)}
for extra in (-2, -1, 1.0, True, 0, False, 0.0, 2 ** 61 - 1, 2 ** 61, 2 ** 47):
    s.add(extra)
print(sorted(s), len(s))
print(set(x * 7 % 13 for x in range(40)))
print(set(-x for x in range(12)))
print({x % 9 - 4 for x in range(30)})
words = {'a', 'b'}
words.add('a' + '')
words.add(''.join(['a']))
words.add(LoudStr('b'))
print(sorted(words), len(words))
print(len(set(str(i % 50) for i in range(1000))))
print({LoudStr('q'), 'q'} == {'q'})


class Weird:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        print('Weird.__eq__')
        return isinstance(other, int) and other == self.n


print(sorted(map(str, {5, Weird(5), 6})))


# Comparisons: sizes first, then one subset walk (CPython's __eq__ count).
class Counted:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        Counted.calls += 1
        return isinstance(other, Counted) and other.n == self.n


a = {Counted(i) for i in range(6)}
b = {Counted(i) for i in range(6)}
c = {Counted(i) for i in range(5)}
for name, result in [('a == b', lambda: a == b), ('a != b', lambda: a != b), ('a <= b', lambda: a <= b),
                     ('a < b', lambda: a < b), ('c < a', lambda: c < a), ('a > c', lambda: a > c),
                     ('a >= c', lambda: a >= c), ('a == c', lambda: a == c), ('frozenset(a) == b', lambda: frozenset(a) == b)]:
    Counted.calls = 0
    print(name, result(), Counted.calls)
for name, result in [('a.issubset(c)', lambda: a.issubset(c)), ('c.issubset(a)', lambda: c.issubset(a)),
                     ('c.issuperset(a)', lambda: c.issuperset(a)), ('a.issubset(list(b))', lambda: a.issubset(list(b)))]:
    Counted.calls = 0
    print(name, result(), Counted.calls)
