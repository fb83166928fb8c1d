# Recursion errors from protocol methods reached through containers.
import sys
class Eq:
    def __eq__(self, other):
        return [self] == [other]
    __hash__ = object.__hash__
try:
    Eq() == Eq()
except RecursionError as e:
    print('eq', type(e).__name__)
try:
    Eq() in [Eq()]
except RecursionError as e:
    print('in', type(e).__name__)
class H:
    def __hash__(self):
        return hash((self,))
try:
    {H(): 1}
except RecursionError as e:
    print('hash', type(e).__name__)
class R:
    def __repr__(self):
        return 'R(%r)' % ([self],)
try:
    repr(R())
except RecursionError as e:
    print('repr', type(e).__name__)
class S:
    def __str__(self):
        return str(self)
try:
    print(S())
except RecursionError as e:
    print('str', type(e).__name__)
class L:
    def __len__(self):
        return len(self)
try:
    bool(L())
except RecursionError as e:
    print('len', type(e).__name__)
class G:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    G().a
except RecursionError as e:
    print('getattr', type(e).__name__)
class I:
    def __iter__(self):
        return iter(list(self))
try:
    list(I())
except RecursionError as e:
    print('iter', type(e).__name__)
class Lt:
    def __lt__(self, other):
        return sorted([other, self])[0] is self
try:
    sorted([Lt(), Lt()])
except RecursionError as e:
    print('lt', type(e).__name__)
nested = []
cur = nested
for _ in range(1200):
    cur.append([])
    cur = cur[0]
try:
    repr(nested)
except RecursionError as e:
    print('nested repr', type(e).__name__)
d = {}
cur = d
for _ in range(1200):
    cur['k'] = {}
    cur = cur['k']
try:
    str(d)
except RecursionError as e:
    print('nested dict', type(e).__name__)
a = []; b = []
for _ in range(1200):
    a = [a]; b = [b]
try:
    a == b
except RecursionError as e:
    print('nested eq', type(e).__name__)
t = ()
for _ in range(1200):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print('nested hash', type(e).__name__)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print('plain', e)
print(sys.getrecursionlimit())
