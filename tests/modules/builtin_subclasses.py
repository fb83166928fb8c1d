# Subclasses of bytes, bytearray, str, int, float, tuple, set and frozenset:
# construction, attributes, operators, repr/str, copy and pickle.
class B(bytes):
    def hello(self): return b'<' + self + b'>'
b = B(b'abc')
print(type(b).__name__, b, repr(b), len(b), b.hello(), b == b'abc', hash(b) == hash(b'abc'))
print(type(b + b'x').__name__, type(b[1:]).__name__, type(b.upper()).__name__, b[0])
b.attr = 5; print(b.attr, isinstance(b, bytes), b.decode())
class AuthenticationString(bytes):
    def __reduce__(self): raise TypeError('no')
a = AuthenticationString(b'\x00' * 4); print(a, bytes(a), type(bytes(a)).__name__)
class C(bytes):
    def __new__(cls, v, extra):
        self = super().__new__(cls, v); self.extra = extra; return self
c = C([65, 66], 'e'); print(c, c.extra, {c: 1}[b'AB'])
print(B.fromhex('4142'), type(B.fromhex('4142')).__name__)
class BA(bytearray): pass
x = BA(b'xy'); x.append(65); print(x, type(x).__name__, repr(x))
class BA2(bytearray):
    def __init__(self, v): super().__init__(v); self.n = len(v)
y = BA2(b'hello'); print(y, y.n)
class S(str): pass
class I(int): pass
class F(float): pass
class T(tuple): pass
class FS(frozenset): pass
for cls, arg in [(S, 'x'), (I, 5), (F, 1.5), (T, (1, 2)), (FS, {1, 2}), (B, b'q')]:
    v = cls(arg)
    print(cls.__name__, repr(v), str(v), type(v).__name__, type(v + v if cls is not FS else v | v).__name__, v == arg)
    v.z = 1; print(v.z, vars(v))
class R(bytes):
    def __repr__(self): return 'R!'
print(repr(R(b'a')), str(R(b'a')), '%s %r' % (R(b'a'), R(b'a')), [R(b'a')])
print(b'%s' % B(b'zz'), bytes.join(b',', [B(b'1'), b'2']))
import pickle, copy
print(copy.copy(B(b'cc')), type(copy.copy(B(b'cc'))).__name__, type(copy.deepcopy(BA(b'd'))).__name__)
try: bytes.__new__(int)
except TypeError as e: print(e)
class S(set):
    def __init__(self, it, tag): super().__init__(it); self.tag = tag
s = S([3, 1], 't'); print(s, s.tag, type(s | s).__name__, type(s.copy()).__name__, sorted(s), S.__name__)
class S2(set): pass
print(S2('ab') == {'a', 'b'}, type(S2()).__name__, repr(S2()), repr(S2([1])))
class FS2(frozenset):
    def __new__(cls, *a): return super().__new__(cls, *a)
print(repr(FS2([1])), hash(FS2([1])) == hash(frozenset([1])), FS2([1]) in {frozenset([1])})
class I2(int):
    def __repr__(self): return 'I2!'
print(I2(3) + 1, type(I2(3) + 1).__name__, '%d' % I2(4), repr(I2(4)), str(I2(4)), f'{I2(5)}', [I2(6)])
class F2(float): pass
print(F2(1.5) * 2, type(F2(1.5) * 2).__name__, round(F2(2.5)), int(F2(3.7)), repr(F2('1e3')))
class T2(tuple): pass
t = T2([1, 2]); print(t[0], t[1:], type(t[1:]).__name__, t * 2, len(t), hash(t) == hash((1, 2)), t == (1, 2))
class S3(str): pass
x = S3('ab'); print(x.upper(), type(x.upper()).__name__, type(x[0]).__name__, x * 2, type(x + 'c').__name__, x.join('12'), {x: 1}['ab'])
import copy, pickle
for v in [S3('s'), I2(3), F2(2.5), T2((1,)), B(b'b'), FS2([2]), S2([3]), BA(b'ba')]:
    c = copy.copy(v); d = copy.deepcopy(v); p = pickle.loads(pickle.dumps(v))
    print(type(c).__name__, type(d).__name__, type(p).__name__, c == v, d == v, p == v)
print((1).__getnewargs__(), 'x'.__getnewargs__(), (1,).__getnewargs__(), b'y'.__getnewargs__(), 2.5.__getnewargs__())
