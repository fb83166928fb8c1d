# Flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, UNICODE) and
# Unicode character classes through _sre.
import sre_compile

I, L, M, S, U, X, A = 2, 4, 8, 16, 32, 64, 256


def c(p, flags=0):
    return sre_compile.compile(p, flags)


print(c(r'hello', I).findall('Hello HELLO hello hElLo'))
print(c(r'[a-z]+', I).findall('ABC def GhI'))
print(c(r'[^a-z]+', I).findall('ABC 123 def'))
print(c(r'(a)\1', I).search('xaA'))
print(c(r'straße', I).search('STRASSE Straße'))
print(c(r'σ', I).findall('Σ σ ς'))
print(c(r'[α-ω]+', I).findall('ΑΒΓ abc δεζ'))
print(c(r'é', I).findall('É é e'))
print(c(r'k', I).findall('K k \u212a'))
print(c(r'k', I | A).findall('K k \u212a'))
print(c(r'^\w+', M).findall('one\ntwo\nthree'))
print(c(r'\w+$', M).findall('one\ntwo\nthree'))
print(c(r'.+', S).findall('a\nb'))
print(c(r'.+').findall('a\nb'))
print(c(r'''
    (\d{3})   # area
    [-\s]?    # separator
    (\d{4})   # number
''', X).findall('555-1234 5556789'))
print(c(r'\w+').findall('naïve café 東京 ab_1'))
print(c(r'\w+', A).findall('naïve café 東京 ab_1'))
print(c(r'\d+').findall('12 ٣٤ ۵ 9'))
print(c(r'\d+', A).findall('12 ٣٤ ۵ 9'))
print(c(r'\s+').split('a\u00a0b\u2003c\td'))
print(c(r'\s+', A).split('a\u00a0b\u2003c\td'))
print(c(r'\bé\w*').findall('été à éa'))
print(c(r'\W+').split('héllo, wörld!'))
print(c(r'[\w-]+').findall('x-ray über-cool'))
print(c(r'[^\W\d]+').findall('ab12cd é3'))
print(c(r'(?i)ΣΑΣ').search('σας'))
print(c(r'(?a)\w+').findall('Σας ok'))
print(c(r'(?s:.)x(?-i:Y)', I).findall('\nxY aXy'))
for p, f in ((r'a', 0), (r'a', I), (r'a', I | M | S), (r'a', A), (r'a', X | U), (rb'a', 0), (rb'a', I)):
    print(c(p, f), c(p, f).flags)
print(c(r'x' * 300))
print(c(r'\w+').search('\U0001f600 emoji \U0001f600'))
print(c(r'[\U0001f600-\U0001f64f]+').search('smile \U0001f600\U0001f601!').span())
print(c('ǅ', I).findall('Ǆ ǅ ǆ'))
