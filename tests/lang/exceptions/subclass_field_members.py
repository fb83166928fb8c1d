for e in [OSError(2, 'x', 'f'), StopIteration(3), SystemExit(4), ImportError('m', name='n', path='p'),
          SyntaxError('m', ('f', 1, 2, 't')), UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad'),
          UnicodeEncodeError('ascii', 'ab', 0, 1, 'bad'), UnicodeTranslateError('ab', 0, 1, 'bad'),
          BlockingIOError(11, 'x', 5), KeyError(1)]:
    print(type(e).__name__, e.__dict__, str(e))
for t, n in [(OSError, 'errno'), (StopIteration, 'value'), (SystemExit, 'code'), (ImportError, 'msg'),
             (SyntaxError, 'lineno'), (UnicodeError, 'start'), (UnicodeDecodeError, 'start'), (BlockingIOError, 'characters_written')]:
    print(t.__name__, n, n in t.__dict__, repr(t.__dict__.get(n)))
e = OSError(2, 'x')
e.errno = 5
print(e, e.__dict__)
e = StopIteration(1, 2)
print(e.value)
e.value = 9
print(e.value, e.args)
e = SyntaxError('m', ('f', 1, 2, 't'))
e.lineno = 7
print(e.lineno, e.args, e)
e.msg = 'new'
print(e)
u = UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')
u.start = 1; u.end = 2; u.reason = 'r'
print(u, u.args)
s = SystemExit(1, 2)
print(s.code)
s.code = 5
print(s.code, s.args)
del s.code
print(s.code)
e = ImportError()
print(e.msg, e.name, e.path, e.__dict__)
class E(OSError): pass
e = E(2, 'x')
e.extra = 1
print(e.__dict__, e.errno)
e = OSError()
print(e.errno, e.strerror, vars(e))
b = BlockingIOError(11, 'x', 5)
print(b.characters_written)
b.characters_written = 3
print(b.characters_written, b.__dict__)
del b.characters_written
try: b.characters_written
except AttributeError as x: print('AE', x)

# The Unicode errors check their arguments; start and end are C integers.
for args in [('x',), ('a', 'b', 1, 2, 'r'), ('a', b'b', 1, 2, 3), ('a', bytearray(b'b'), 1, 2, 'r')]:
    try:
        print(repr(UnicodeDecodeError(*args).object))
    except TypeError as x:
        print('TypeError', x)
for args in [('x',), ('a', 'b', 1, 2, 'r'), ('a', b'b', 1, 2, 'r')]:
    try:
        print(repr(UnicodeEncodeError(*args).object))
    except TypeError as x:
        print('TypeError', x)
for args in [('x',), ('b', 1, 2, 'r'), (b'b', 1, 2, 'r')]:
    try:
        print(repr(UnicodeTranslateError(*args).object), UnicodeTranslateError(*args).encoding)
    except TypeError as x:
        print('TypeError', x)
u = UnicodeEncodeError('ascii', 'abc', 0, 1, 'bad')
for v in ['x', 2.0, True, 2 ** 70]:
    try:
        u.start = v
        print(u.start, u)
    except (TypeError, OverflowError) as x:
        print(type(x).__name__, x)
try:
    del u.start
except TypeError as x:
    print('TypeError', x)
u.reason = 'why'
del u.encoding
print(u.encoding, u.__dict__)

# Natively raised exceptions have their fields too.
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as x:
    print(x.encoding, x.object, x.start, x.end, x.reason, x.__dict__)
try:
    open('/nonexistent/file')
except OSError as x:
    print(x.errno, x.strerror, x.filename, x.filename2, x.__dict__)
try:
    import no_such_module_here
except ImportError as x:
    print(x.name, x.path, x.msg, x.__dict__)
try:
    compile('1 +', 'src.py', 'exec')
except SyntaxError as x:
    print(x.msg, x.filename, x.lineno, x.text, x.print_file_and_line, x.__dict__)
def gen():
    return 5
    yield
try:
    next(gen())
except StopIteration as x:
    print(x.value, x.__dict__)

# Subclass instances keep their own attributes apart from the fields.
class MyError(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        self.note = 'n'
e = MyError(13, 'denied', 'path')
print(type(e).__name__, e.errno, e.filename, e.__dict__, e.args, str(e))
print(e.__reduce__())
import copy, pickle
for f in (copy.copy, lambda x: pickle.loads(pickle.dumps(x))):
    c = f(ImportError('m', name='n', path='p'))
    print(repr(c), c.msg, c.name, c.path, c.__dict__)
    c = f(e)
    print(repr(c), c.errno, c.filename, c.__dict__)
print(str(SyntaxError()), str(SyntaxError('m')), repr(SyntaxError('m', ('f', 3, 1, 'x')).text))
print(sorted(n for n in dir(OSError) if not n.startswith('_')))
print(sorted(n for n in dir(UnicodeDecodeError) if not n.startswith('_')))
print(sorted(n for n in dir(SyntaxError) if not n.startswith('_')))
for s,c in [(b'\xff','utf-8'),(b'\xff','ascii'),(b'\xe9\xe9\x41', 'utf-8'), (b'ab\xe9\xe9', 'utf-8')]:
  try: s.decode(c)
  except UnicodeDecodeError as e: print(e.args, e)
for s,c in [('\xe9','ascii'),('a\u20ac\u20acb','latin-1'),('\udc80','utf-8'), ('\U0001f600', 'ascii')]:
  try: s.encode(c)
  except UnicodeEncodeError as e: print(e.args, e)
