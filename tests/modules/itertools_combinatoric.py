from itertools import product, permutations, combinations, combinations_with_replacement as cwr
import pickle, copy
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: combinations('ab','x'), lambda: combinations('ab', 1.0), lambda: permutations('ab','x'), lambda: combinations('ab'),
          lambda: cwr('ab','x'), lambda: product('a', foo=1), lambda: product('a', repeat='x'), lambda: product('a', repeat=-1),
          lambda: permutations('ab', -1), lambda: combinations('ab', -1), lambda: permutations(), lambda: product(1),
          lambda: permutations('ab', 2**70), lambda: cwr('ab', -1)]:
    show(lambda: list(f()))
p=permutations('abc',2); next(p); print(p.__reduce__())
p=product('ab',[1,2]); print(p.__reduce__()); next(p); print(p.__reduce__())
c=combinations('abcd',2); next(c); print(c.__reduce__())
c=cwr('abc',2); print(c.__reduce__()); next(c); next(c); print(c.__reduce__())
print(list(product()), list(product('ab', repeat=2)), list(product('ab', [])), list(product('ab', 'cd', 'e')))
print(list(permutations('abc')), list(permutations('abc', 0)), list(permutations('abc', 4)), list(permutations('', 0)), list(permutations([])))
print(list(combinations('abcd', 2)), list(combinations('ab', 0)), list(combinations('ab', 3)), list(combinations('', 0)))
print(list(cwr('abc', 2)), list(cwr('', 0)), list(cwr('', 2)), list(cwr('ab', 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(12), 5))), len(list(cwr(range(6), 4))), len(list(product(range(4), repeat=4))))
print(list(permutations(range(4), r=2))[:5], list(combinations(r=2, iterable=range(4))))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for make in (lambda: product('abc', range(3)), lambda: permutations('abcd', 3), lambda: combinations('abcde', 3), lambda: cwr('abc', 3)):
        it = make(); next(it); next(it)
        print(list(pickle.loads(pickle.dumps(it, proto))) == list(it), end=' ')
        it = make()
        print(list(pickle.loads(pickle.dumps(it, proto))) == list(make()), end=' ')
        it = make(); list(it)
        print(list(pickle.loads(pickle.dumps(it, proto))), end=' ')
    print()
print(list(copy.copy(permutations('abc'))) == list(permutations('abc')), list(copy.deepcopy(product('ab', 'c'))))
p = permutations('abc'); p.__setstate__(((2, 1, 0), (1, 1, 1))); print(list(p))
p = permutations('abc'); p.__setstate__(((9, -1, 0), (9, 0, 5))); print(list(p))
c = combinations('abcd', 2); c.__setstate__((5, -3)); print(list(c))
c = cwr('abc', 2); c.__setstate__((1, 7)); print(list(c))
x = product('ab', 'cd'); x.__setstate__((1, 0)); print(list(x))
x = product('ab', 'cd'); x.__setstate__((-4, 9)); print(list(x))
show(lambda: combinations('ab', 1).__setstate__((1, 2)))
show(lambda: combinations('ab', 1).__setstate__(('a',)))
show(lambda: permutations('ab', 1).__setstate__(((0, 1),)))
show(lambda: product('ab').__setstate__(()))
class P(permutations): pass
print(type(P('ab')), list(P('ab')), type(product()), product.__module__)
