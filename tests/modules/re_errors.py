# Errors for bad patterns (raised by sre_parse in Python, as in CPython)
# and bad arguments to the _sre objects.
import sre_compile
import sre_constants


def c(p, flags=0):
    return sre_compile.compile(p, flags)


for bad in ('(', ')', '[a', 'a**', '*a', '(?P<1>x)', '(?P<a>x)(?P<a>y)', r'\1', 'a{2,1}',
            '(?<=a+)b', '(?z)', r'\p', '[z-a]', '(?P=nope)', 'x{99999999999}',
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
