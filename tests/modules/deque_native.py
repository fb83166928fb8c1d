from collections import deque
import pickle, copy
def t(op):
    d=deque([1,2,3]); it=iter(d); next(it)
    op(d)
    try: print(list(it))
    except Exception as e: print(type(e).__name__, e)
t(lambda d: d.reverse()); t(lambda d: d.__setitem__(0,9)); t(lambda d: d.rotate(1)); t(lambda d: d.rotate(0)); t(lambda d: d.clear()); t(lambda d: d.remove(2)); t(lambda d: d.__delitem__(1)); t(lambda d: d.insert(1,5)); t(lambda d: d.extend([])); t(lambda d: d.__imul__(1))
print(deque().__sizeof__(), deque(range(100)).__sizeof__())
for f in [lambda: deque(1,2,3), lambda: deque(foo=1), lambda: deque([],'a'), lambda: deque([],2.0), lambda: deque()*'a',
          lambda: deque().rotate('a'), lambda: deque([1]).index(1,'a'), lambda: deque([1])['a'], lambda: deque([1])[5],
          lambda: deque([1]).insert('a', 3), lambda: deque([1]).append(), lambda: deque([1]).pop(1), lambda: deque().pop(),
          lambda: deque().popleft(), lambda: deque([1]).index(2), lambda: deque([1]).remove(2), lambda: deque([1],1).insert(0,1),
          lambda: hash(deque()), lambda: deque()+[1], lambda: deque([],-1), lambda: deque([1]) < 3]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
d = deque([1,2]); d.append(d); print(d)
print(deque([1,2],3).__reduce__()[:3])
class D(deque): pass
x=D([1],5); x.a=1; print(x.__reduce__()[:3], repr(x), x.copy(), type(x.copy()), x+x, type(x*2))
print(pickle.loads(pickle.dumps(x)).a, pickle.loads(pickle.dumps(x)))
d = deque(range(10), maxlen=4); print(d, d.maxlen, len(d), d[0], d[-1], 3 in d, 9 in d, d.count(8), d.index(8))
d.rotate(-1); print(d); d.rotate(5); print(d); d.extendleft('ab'); print(d); d *= 3; print(d); print(d*2, 2*d, d*0)
e = deque(range(5)); e *= 3; print(e); e.insert(-2, 'x'); e.insert(100, 'y'); e.insert(-100,'z'); print(e)
del e[3]; e[0] = 'Q'; print(e, list(reversed(e)), e.copy(), copy.copy(e), copy.deepcopy(e))
print(deque([1,2]) == deque([1,2]), deque([1,2]) < deque([1,3]), deque([1]) == [1], deque([1,2]) >= deque([1]))
it = iter(deque([1,2,3])); next(it); print(it.__length_hint__(), it.__reduce__()[1], list(pickle.loads(pickle.dumps(it))))
r = reversed(deque([1,2,3])); next(r); print(list(r), type(r))
print(pickle.loads(pickle.dumps(deque([1,[2]], 5))))
e = deque(); e += [1,2]; e += e; print(e); e.extend(e); print(e); e.clear(); print(e, bool(e), bool(deque([0])))
print(deque('abc', maxlen=0), deque(maxlen=2, iterable='abc'))
m = deque([1,2,3]); print(m.maxlen)
try: m.maxlen = 3
except AttributeError as ex: print("AttributeError")
# sizes count CPython's 64-slot blocks
d = deque(); print(d.__sizeof__())
for i in range(40): d.appendleft(i)
print(d.__sizeof__())
d = deque(); d.extendleft(range(63)); print(d.__sizeof__()); d.appendleft(1); print(d.__sizeof__())
# comparisons that call back into Python and change the deque
class Evil:
    def __init__(self, d): self.d = d
    def __eq__(self, other):
        self.d.append(1)
        return False
d = deque([1, 2, 3]); d.append(Evil(d))
for f in (lambda: d.count(5), lambda: 5 in d, lambda: d.index(5), lambda: d.remove(5)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
big = deque(range(1000)); big.rotate(123); print(big[0], big[-1], sum(big))
big.rotate(-1123); print(big[0], big[-1])
print(list(deque(range(5)).__reversed__()), deque(range(3)) * 2)
for f in (lambda: deque([], iterable=[]), lambda: deque([], 1, maxlen=3)):
    try: f()
    except TypeError as e: print(e)
class Odd(deque):
    def __new__(cls, *args):
        return [1]
o = deque.__new__(Odd); deque.__init__(o, [1, 2])
for f in (lambda: o * 2, lambda: o + o, lambda: o.copy()):
    try: print(f())
    except TypeError as e: print(e)
