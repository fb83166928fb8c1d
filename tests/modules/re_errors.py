# Errors for bad patterns (raised by sre_parse in Python, as in CPython)
# and bad arguments to the _sre objects.
import sre_compile
import sre_constants


def c(p, flags=0):
    return sre_compile.compile(p, flags)


for bad in ('(', ')', '[a', 'a**', '*a', '(?P<1>x)', '(?P<a>x)(?P<a>y)', r'\1', 'a{2,1}',
            '(?<=a+)b', '(?z)', r'\p', '[z-a]', '(?P=nope)', '(?(2)a|b)', 'x{99999999999}',
            'a\n(', b'(?u)a', '(?a)(?u)b'):
    try:
        c(bad)
        print('compiled', repr(bad))
    except sre_constants.error as e:
        print('error:', e, '| pos', e.pos, 'line', e.lineno, 'col', e.colno)
    except Exception as e:
        print(type(e).__name__, e)
p = c(r'(a)')
for call in (lambda: p.match(), lambda: p.search('a', 'x'), lambda: p.sub('x'),
             lambda: p.match('a', pos=0, bogus=1), lambda: p.split('a', 1, 2)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
m = p.match('a')
try:
    m.group(2)
except IndexError as e:
    print('IndexError', e)
try:
    type(p)()
except TypeError as e:
    print('TypeError', e)
print(type(p).__name__, type(m).__name__, type(p.scanner('')).__name__)
print(p.match('a', endpos=0), p.search('a', pos=1), p.match(string='a').span())
print(p == c(r'(a)'), p != c(r'(a)'), p == c(r'(b)'), p == c(r'(a)', 2), p == 'x')
print(len({p, c(r'(a)')}))
print(p.__copy__() is p, p.__deepcopy__({}) is p, m.__deepcopy__({}) is m)
import _sre
for code in ([17, 97], [14, 50, 0, 1], [18, 9, 1], [12, 3, 1], [99, 1]):
    try:
        _sre.compile('a', 0, code, 1, {}, (None, None))
        print('accepted', code)
    except RuntimeError as e:
        print('RuntimeError', e, code)
print(_sre.compile(None, 0, [17, 97, 1], 0, {}, (None,)).match(b'ab'))
print(_sre.getcodesize(), _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.unicode_iscased(0x3a3),
      _sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(0x3a3), _sre.unicode_tolower(0x130))
