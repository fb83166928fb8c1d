# Match objects and sub/subn through _sre.
import sre_compile


def c(p, flags=0):
    return sre_compile.compile(p, flags)


p = c(r'(?P<key>\w+)=(?P<value>\w*)(;)?')
m = p.search('  name=tachyon; x')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('value'), m.group(1, 'key', 3))
print(m[0], m['key'], m[2])
print(m.groups(), m.groups('-'))
print(sorted(m.groupdict().items()))
print(m.start(), m.end(), m.span(), m.start('value'), m.end(2), m.span(3))
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos)
print(m.re is p, m.string)
print(p.groups, sorted(dict(p.groupindex).items()), p.pattern)
m = p.search('a=')
print(m.groups(), m.groupdict('?'), m.span(3), m.start(3), m.group(3), m.lastindex, m.lastgroup)
for bad in (4, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    m.start(7)
except IndexError as e:
    print('IndexError', e)
print(m.expand(r'[\1|\g<value>|\g<0>]'))
print(c(r'(a)(b)?').match('a').expand(r'<\2>'))
print(c('a').match('a').lastindex, c('(a)(b)').match('ab').lastindex, c('((a)b)').match('ab').lastindex)
print(c('(?P<x>a)(b)').match('ab').lastgroup)
m = c(r'x' * 60).match('x' * 70)
print(m)
print(c(r'.').match('\n\u00e9', 1))
print(c(rb'ab').search(b'xxab'))

# sub and subn
print(c(r'\d+').sub('#', 'a1b22c333'))
print(c(r'\d+').sub('#', 'a1b22c333', 2))
print(c(r'\d+').subn('#', 'a1b22c333'))
print(c(r'(\w+) (\w+)').sub(r'\2 \1', 'hello world, good day'))
print(c(r'(?P<w>\w+)').sub(r'<\g<w>>', 'a bc'))
print(c(r'(\w+)').sub(r'\g<1>0', 'ab cd'))
print(c(r'a(b)?').sub(r'[\1]', 'a ab'))
print(c(r'x').sub(r'\n\t\\', 'axb'))
print(c(r'\w+').sub(lambda m: m.group().upper(), 'make it loud'))
print(c(r'\w+').sub(lambda m: str(len(m.group())), 'count the letters'))
print(c(r'o').sub(lambda m: None if m.start() < 3 else '0', 'foo boo'))
print(c(r'').sub('-', 'abc'))
print(c(r'x*').sub('-', 'abxd'))
print(c(r'x*').subn('-', 'abxd'))
print(c(r'(?:)').split('abc'))
print(c(r'b*').sub('.', 'abbbc'))
print(c(r'é').sub('e', 'café café'))
print(c(rb'\d').sub(b'#', b'a1b2'))
print(c(rb'(\d)').sub(br'<\1>', bytearray(b'a1b2')))
for repl in ('\\1', r'\g<nope>', r'\g<1', r'\9'):
    try:
        c(r'(a)').sub(repl, 'a')
    except Exception as e:
        print(type(e).__name__, e)
try:
    c(r'a').sub(lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    c(r'a').sub('x', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    c(rb'a').sub(b'x', 'a')
except TypeError as e:
    print('TypeError', e)
