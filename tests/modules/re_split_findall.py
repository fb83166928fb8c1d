# split, findall, finditer and scanner through _sre.
import sre_compile


def c(p, flags=0):
    return sre_compile.compile(p, flags)


print(c(r'\s+').split(' a  b c '))
print(c(r',').split('a,b,,c', 2))
print(c(r'(,)').split('a,b,c'))
print(c(r'(,)|(;)').split('a,b;c'))
print(c(r'x*').split('axbc'))
print(c(r'\b').split('one two'))
print(c(r'').split(''))
print(c(r'^$', 8).split('a\n\nb'))
print(c(rb'-').split(b'1-2-3'))
print(c(r'\d').findall('a1b22c'))
print(c(r'(\d)(\w)?').findall('1a 2 3b'))
print(c(r'(\d)').findall('a1b2'))
print(c(r'x*').findall('axxb'))
print(c(r'\w+').findall('foo bar baz', 2, 9))
print(c(r'(a)|b').findall('ab'))
print([m.group() for m in c(r'\d+').finditer('1 22 333')])
print([m.span() for m in c(r'x*').finditer('axxb')])
print([(m.start(), m.group(1)) for m in c(r'(\w)\w*').finditer('hi there you', 1, 9)])
it = c(r'a').finditer('aa')
print(next(it).span(), next(it).span(), next(it, 'done'))
s = c(r'\d').scanner('1a2')
print(s.pattern.pattern, s.match(), s.match(), s.search(), s.search(), s.search())
s = c(r'x*').scanner('ab')
print([s.search().span() for _ in range(3)], s.search())
words = c(r'[A-Za-z]+').findall('The quick brown fox jumps over the lazy dog ' * 200)
print(len(words), words[:5])
