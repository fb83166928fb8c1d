# bytes and bytearray subjects through _sre.
import sre_compile

I, M, S, X = 2, 8, 16, 64


def c(p, flags=0):
    return sre_compile.compile(p, flags)


p = c(rb'(\w+)=(\d+)')
m = p.search(b'  key=42 ')
print(m, m.groups(), m.group(1), m.span(2), m[0])
print(p.findall(b'a=1 b=2 c'))
print(p.sub(rb'\2=\1', b'a=1 b=2'))
print(p.split(b'x a=1 y'))
print(c(rb'\w+').findall(b'caf\xe9 ok'))
print(c(rb'[\x80-\xff]+').findall(b'a\xe9\xff b'))
print(c(rb'abc', I).findall(b'ABC abc aBc'))
print(c(rb'\xe9', I).findall(b'\xc9\xe9'))
print(c(rb'^\d+$', M).findall(b'12\nab\n34'))
print(c(rb'.', S).findall(b'a\n'))
print(c(rb'\s+').split(b'a \t\x0bb\x1cc'))
print(c(rb'(\d)').search(bytearray(b'ab1')).group(1))
print(c(rb'x').sub(b'y', bytearray(b'axbx')))
print(c(rb'b').match(b'abc', 1))
print([m.span() for m in c(rb'\d').finditer(b'1a2b3')])
print(c(rb'[^a]').search(b'aa\x00').span())
for subject, pattern in ((b'abc', r'b'), ('abc', rb'b')):
    try:
        c(pattern).search(subject)
    except TypeError as e:
        print('TypeError', e)
for subject in (5, None, ['a']):
    try:
        c(r'a').search(subject)
    except TypeError as e:
        print('TypeError', e)
