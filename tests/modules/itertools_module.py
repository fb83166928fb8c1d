# itertools in CPython 3.8: results, reprs and messages.
import itertools as it
from itertools import *

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("count", lambda: (list(islice(count(), 5)), list(islice(count(10, -2.5), 3)), repr(count(5)), repr(count(1, 2))))
show("cycle", lambda: (list(islice(cycle("ab"), 5)), list(cycle([]))))
show("repeat", lambda: (list(repeat(7, 3)), list(repeat("x", -1)), repr(repeat(1)), repr(repeat(1, 2)), list(map(pow, range(4), repeat(2)))))
show("accumulate", lambda: (list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)), list(accumulate([])), list(accumulate("abc"))))
show("chain", lambda: (list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])), list(chain())))
show("compress", lambda: list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
show("dropwhile", lambda: list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
show("takewhile", lambda: list(takewhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
show("filterfalse", lambda: (list(filterfalse(lambda x: x % 2, range(6))), list(filterfalse(None, [0, 1, "", "a"]))))
show("groupby", lambda: [(k, list(g)) for k, g in groupby("aaabccdd")])
show("groupby key", lambda: [(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
show("groupby skip", lambda: [k for k, g in groupby("aabbbc")])
g = groupby("aabb")
k1, g1 = next(g)
k2, g2 = next(g)
show("groupby stale", lambda: (k1, list(g1), k2, list(g2)))
show("islice", lambda: (list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)), list(islice(range(10), 1, 8, 3))))
show("islice bad", lambda: islice("abc", -1))
show("islice bad start", lambda: islice("abc", "x", 2))
show("islice bad step", lambda: islice("abc", 0, 2, 0))
show("starmap", lambda: list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
show("tee", lambda: (list(a), list(b)))
x, y, z = tee("ab", 3)
show("tee3", lambda: (next(x), list(y), list(x), list(z)))
show("zip_longest", lambda: (list(zip_longest("abc", "x")), list(zip_longest("ab", [1, 2, 3], fillvalue="-")), list(zip_longest())))
show("product", lambda: (list(product("ab", [0, 1])), list(product(range(2), repeat=2)), list(product())))
show("permutations", lambda: (list(permutations("abc")), list(permutations(range(3), 2)), list(permutations("ab", 3))))
show("combinations", lambda: (list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations("a", 2))))
show("cwr", lambda: (list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 0))))
show("combinations neg", lambda: combinations("abc", -1))
show("names", lambda: (type(count()).__name__, type(chain()).__name__))
