# collections.deque: O(1) ends, the 3.8 API, reprs and messages.
from _collections import deque
import sys
d = deque([1,2,3], maxlen=5)
print(repr(d), d.maxlen)
try: d.maxlen = 3
except AttributeError as e: print('AttributeError', e)
print(deque(maxlen=0), deque('abc', 0))
try: deque([], 'x')
except TypeError as e: print('TypeError', e)
try: deque([], -1)
except ValueError as e: print('ValueError', e)
print(d.__reduce__()[0].__name__, d.__reduce__()[1], deque([1]).__reduce__()[1])
class D(deque): pass
print(D([1,2]), D([1], 3), type(D([1]).copy()).__name__, type(D([1]) * 2).__name__, type(D([1]) + deque([2])).__name__)
d = deque([1,2,3])
d[0] = 9
print(d, d * 0, d * 2, 2 * d)
d *= 2
print(d)
e = deque(maxlen=3); e += [1,2,3,4,5]; print(e)
e2 = deque([1,2], maxlen=3); print(e2 * 3)
try: d['a']
except TypeError as ex: print('TypeError', ex)
try: d[1:2]
except TypeError as ex: print('TypeError', ex)
try: d[100]
except IndexError as ex: print('IndexError', ex)
try:
    for x in d: d.append(1)
except RuntimeError as ex: print('RuntimeError', ex)
dd = deque([1]); dd.append(dd); print(dd)
print(deque([1,2]) == deque([1,2]), deque([1,2]) < deque([1,3]), deque([1]) == [1])
x = deque(range(10)); x.rotate(3); print(x); x.rotate(-4); print(x); x.rotate(23); print(x)
x.insert(2, 'i'); x.insert(-1, 'j'); x.insert(100, 'k'); x.insert(-100, 'l'); print(x)
print(x.index(5), x.index(5, 3), x.index(5, -8, -1))
try: x.index(5, 0, 2)
except ValueError as ex: print('ValueError', ex)
try: x.index('zz')
except ValueError as ex: print('ValueError', ex)
del x[0]; del x[-1]; print(x)
x.extendleft('abc'); print(x, x.count('a'), x.count(99))
print(list(reversed(x)), 'c' in x, 99 in x)
y = deque([1,2,3], maxlen=3); y.appendleft(0); print(y); y.extendleft([7,8]); print(y); y.append(4); print(y)
y.clear(); print(y, len(y), bool(y))
import copy
z = copy.copy(deque([1,[2]], 4)); print(z, copy.deepcopy(z))
print(deque([1,2,3]).copy())
q = deque()
for i in range(600): q.append(i)
s = 0
while q: s += q.popleft()
print(s)
for i in range(300): q.appendleft(i); q.append(-i)
print(len(q), q[0], q[-1], q[300], sum(q))
while len(q) > 3: q.pop(); q.popleft()
print(q)
try: deque([1]).remove(5)
except ValueError as ex: print('ValueError', ex)
w = deque([1,2,3,2]); w.remove(2); print(w); w.reverse(); print(w)
print(deque([1,2]).__init__([5,6]) , )
v = deque([1,2,3]); v.__init__([7]); print(v)
try: deque([1]).pop(); deque().pop()
except IndexError as ex: print('IndexError', ex)
try: deque().popleft()
except IndexError as ex: print('IndexError', ex)
try: deque([1], 1).insert(0, 2)
except IndexError as ex: print('IndexError', ex)
try: deque() + [1]
except TypeError as ex: print('TypeError', ex)
print(deque('abc', maxlen=2) == deque('bc'), deque([1,2])[-2])
it = iter(deque([1, 2]))
print(next(it), list(it))
# a long queue: popleft/appendleft stay cheap
big = deque(range(600))
acc = 0
while big:
    acc += big.popleft()
    if len(big) % 3 == 0 and big:
        big.appendleft(big.pop())
print(acc)
r = deque(range(7))
for k in (1, -1, 3, -10, 0, 7, 100):
    r.rotate(k)
    print(list(r))
