class L:
    def __len__(self): print('len'); return 2
    def __iter__(self): return iter([1, 2])
print(list(L()), tuple(L()), sorted(L()), [*L()])
class H:
    def __length_hint__(self): print('hint'); return 10**20
    def __iter__(self): return iter([1, 2])
for f in (list, tuple, sorted, set, lambda x: [*x], lambda x: print(*x)):
    try: print(f(H()))
    except OverflowError as e: print('OverflowError', e)
class N:
    def __length_hint__(self): return NotImplemented
    def __iter__(self): return iter([3])
print(list(N()))
class E:
    def __len__(self): raise TypeError('no')
    def __iter__(self): return iter([4])
print(list(E()))
class V:
    def __len__(self): raise ValueError('bad')
    def __iter__(self): return iter([4])
try: list(V())
except ValueError as e: print('ValueError', e)
class Neg:
    def __length_hint__(self): return -1
    def __iter__(self): return iter([4])
try: list(Neg())
except ValueError as e: print('ValueError', e)
class S:
    def __length_hint__(self): return 'x'
    def __iter__(self): return iter([4])
try: list(S())
except TypeError as e: print('TypeError', e)
for mk in (lambda: range(10**20), lambda: reversed(range(10**20)), lambda: iter(range(-10**20, 0, 3))):
    for f in (list, tuple, sorted, lambda x: [*x], lambda x: [].extend(x), lambda x: ''.join(x)):
        try: f(mk())
        except OverflowError as e: print('OverflowError', e)
    try:
        a, *b = mk()
    except OverflowError as e: print('OverflowError', e)
    l = []
    try: l += mk()
    except OverflowError as e: print('OverflowError', e)
it = iter(range(10**19 + 2)); 
try: list(it)
except OverflowError as e: print('OverflowError', e)
print(next(it))
