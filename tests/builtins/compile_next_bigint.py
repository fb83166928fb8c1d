def g():
    yield 1
    return 'done'
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e), e.value, e.args)
def h():
    return
    yield
try:
    next(h())
except StopIteration as e:
    print('StopIteration', repr(e), e.value, e.args)
print(next(g(), 'x'), next(iter([]), 'dflt'))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration('custom')
try:
    next(It())
except StopIteration as e:
    print('StopIteration', repr(e), e.value)
class C:
    def __init__(self, a, b=2):
        self.a, self.b = a, b
c = type.__call__(C, 1, b=3)
print(type(c).__name__, c.a, c.b)
print(type.__call__(int, '12'), type.__call__(type, 5))
try:
    type.__call__(5)
except TypeError as e:
    print('TypeError', e)
try:
    type.__call__()
except TypeError as e:
    print('TypeError', e)
co = compile('x = 1\nprint(x + 1)', '<s>', 'exec')
print(type(co).__name__, co.co_filename, co.co_name)
exec(co)
ns = {}
exec(co, ns)
print(ns['x'])
e = compile('2 * 21', 'f.py', 'eval')
print(eval(e), exec(e))
s = compile('3 + 4', '<single>', 'single')
exec(s)
s2 = compile('y = 5', '<single>', 'single')
exec(s2)
print(y)
print(eval(compile(b'1+1', 'b', 'eval')))
for bad in [('1 +', 'eval'), ('x = ', 'exec'), ('def f(:\n', 'exec')]:
    try:
        compile(bad[0], 'fn', bad[1])
    except SyntaxError as ex:
        print('SyntaxError', ex, ex.filename, ex.lineno, ex.offset, repr(ex.text))
try:
    compile('1', 'fn', 'bogus')
except ValueError as ex:
    print('ValueError', ex)
try:
    compile(1, 'fn', 'exec')
except TypeError as ex:
    print('TypeError', ex)
try:
    compile('1')
except TypeError as ex:
    print('TypeError', ex)
try:
    eval("1 +")
except SyntaxError as ex:
    print('SyntaxError', ex, ex.lineno, ex.offset, repr(ex.text))
try:
    exec("x = (")
except SyntaxError as ex:
    print('SyntaxError', ex, ex.lineno, ex.offset, repr(ex.text))
try:
    eval("")
except SyntaxError as ex:
    print('SyntaxError', ex, ex.lineno, ex.offset, repr(ex.text))
import sys
# python3.8.18 has the 4300-digit limit backported; 3.8 proper has none
if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(0)
big = 7 ** 6000
s = str(big)
print(len(s), s[:20], s[-20:], int(s) == big, len(repr(-big)), len(f'{big:,}'), len('%d' % big))
print(len(str(10 ** 4300)), len(str(10**4299)))
print(compile('a=1', 'x', 'exec', 0, False, -1).co_filename, compile('a', 'x', mode='eval', dont_inherit=True).co_name)

def gen_with_return():
    x = yield 1
    return x * 2
it = gen_with_return()
next(it)
try:
    it.send(21)
except StopIteration as e:
    print('send', e.value)
print(StopIteration().value, StopIteration(1, 2).value)
def deleg():
    r = yield from gen_with_return()
    print('delegated', r)
d = deleg()
next(d)
try:
    d.send(5)
except StopIteration as e:
    print('outer', e.value)
class Meta(type):
    def __call__(cls, *a, **k):
        print('Meta.__call__', a, k)
        return type.__call__(cls, *a, **k)
class W(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
print(W(3, ).v, W(v=4).v)
