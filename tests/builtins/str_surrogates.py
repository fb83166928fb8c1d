# Lone surrogates (U+D800..U+DFFF) are legal in Python str: literals, chr,
# indexing, slicing, comparison, hashing, repr, formatting, str methods and
# the codecs' surrogate error handlers.

s = '\ud800'
t = 'a\udcffb\U0001f40d'
print(len(s), len(t), repr(s), repr(t), ascii(t))
print(repr(t[1]), repr(t[1:3]), repr(t[::-1]), repr(t[-3:]), t[1] == '\udcff')
print(ord(s), ord(t[1]), hex(ord(chr(0xdfff))), chr(0xd83d) + chr(0xdc0d) == '\U0001f40d')
print([hex(ord(c)) for c in t], list(map(len, t)))

# comparison and hashing: code point order, CPython's hash of the UCS buffer
print(s < '\ue000', s > '\ud7ff', s + 'x' == '\ud800x', '\ud83d\udc0d' != '\U0001f40d')
print(sorted(['\ue000', s, 'z', '\U00010000', '\udfff']) == ['z', s, '\udfff', '\ue000', '\U00010000'])
print(hash(s), hash(t), hash('\ud800\U00010000'), hash('x\udcff'))
d = {s: 1, t: 2, 'a\udcffb\U0001f40d': 3}
print(len(d), d[chr(0xd800)], d[t], {s, chr(0xd800), '\udc00'} == {'\ud800', '\udc00'})
print(repr([s, t]), repr((s,)), repr({s: t}))
import sys
print(sys.intern('\udc80' + 'x') is sys.intern('\udc80x'))

# concatenation and repetition
print(repr(s + t), repr(s * 3), repr(''.join([s, 'x', t])), repr('|'.join([t, s])))

# searching and splitting keep them
print(s in t, '\udcff' in t, '\udcffb' in t, t.find('\udcff'), t.rfind('b'), t.index('\U0001f40d'))
print(t.count('\udcff'), t.startswith('a\udcff'), t.endswith('\U0001f40d'), t.startswith(s))
print(repr(t.split('\udcff')), repr((s + ' x ' + s).split()), repr(t.rsplit('b', 1)))
print(repr(t.partition('\udcff')), repr(t.rpartition('b')), repr(t.replace('\udcff', '-')))
print(repr(t.replace('', '.')), repr(('\n' + s + '\n' + s).splitlines()))
print(repr(('  ' + s + '  ').strip()), repr((s + 'xx' + s).strip(s)), repr(t.lstrip('a')))

# case mapping, predicates, padding
print(repr(t.upper()), repr(t.lower()), repr(t.title()), repr(t.swapcase()), repr(t.casefold()))
print(s.isalpha(), s.isprintable(), s.isspace(), s.islower(), s.isidentifier(), t.isascii())
print(repr(t.center(9, '*')), repr(t.ljust(6)), repr(t.rjust(6, s)))

print(repr('a\ud800b'.translate({0xd800: 'X', 98: 0xdc00})), repr(str.maketrans('\ud800', 'Y')))
print(repr('-\ud800'.zfill(4)), repr('\ud800\tx'.expandtabs(4)), repr(f'\ud800{len(t)}'))
for bad in [lambda: int('\ud800'), lambda: float('1\udcff'), lambda: int('\ud800', 16)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)

# formatting
print(repr(str(s)), repr(f'{s}{t}'), repr(f'{s!r}'), repr(f'{s:>3}'), repr(f'{t:.2}'))
print(repr('%s-%r' % (s, s)), repr('%3s|%-3s|%.1s' % (s, s, t)), repr('%(k)s' % {'k': s}))
print(repr('%c|%3c|%-2c|%c' % (0xd800, '\udc00', 0xdfff, 'x')))
print(repr(format(s)), repr(format(t, '*^9')), repr('{}{}'.format(s, t)))

# encoding with every error handler
for enc in ['utf-8', 'ascii', 'latin-1']:
    for err in ['strict', 'surrogatepass', 'surrogateescape', 'ignore', 'replace',
                'backslashreplace', 'xmlcharrefreplace']:
        try:
            print(enc, err, t.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, type(e).__name__, e)
print(('\udc80\udcff' + s).encode('utf-8', 'surrogatepass'))
try:
    ('x' + s + '\udc00').encode()
except UnicodeEncodeError as e:
    print(e)

# decoding makes them
print(repr(b'\xff'.decode('utf-8', 'surrogateescape')), repr(b'a\xed\xa0\x80'.decode('utf-8', 'surrogatepass')))
print(repr(b'\xff\xfe'.decode('ascii', 'surrogateescape')), repr(b'a\xc3'.decode('utf-8', 'surrogateescape')))
for data, err in [(b'\xed\xa0\x80', 'strict'), (b'a\x80', 'surrogatepass')]:
    try:
        data.decode('utf-8', err)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
import os
print(repr(os.fsdecode(b'\xff')), os.fsencode(os.fsdecode(b'a\xffb')))
print(b'\xfe\xff'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))

import json
print(json.dumps(s), json.dumps([t]), json.dumps({'k': s}))
print(repr(json.loads('["\\udc00x", "\\ud83d\\ude00", "\\ud800"]')), repr(json.loads('{"\\udfff": 1}')))

# printing one fails as in CPython; the stream is still usable afterwards
try:
    print(s)
except UnicodeEncodeError as e:
    print('print failed:', e)

# an uncaught exception's message goes to stderr with \udXXX escapes
raise ValueError('bad \udcff value')
