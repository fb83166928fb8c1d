# Lone surrogates through str(exc), {:c}, json, the UTF-16/32 codecs with surrogatepass, repr.
import json, codecs
s = 'a\ud800b'
print(repr(s), ascii(s), len(s))
try:
    raise ValueError(s)
except ValueError as e:
    print(repr(str(e)), repr(e), e.args)
print(repr('{:c}'.format(0xd800)), repr('%c' % 0xdc00), repr(chr(0xdfff)))
print(repr(json.dumps('\ud800', ensure_ascii=False)), json.dumps('\ud800'), json.dumps('x\udc00y'))
print(repr(json.loads('"\\ud800"')), repr(json.loads('"\\ud83d\\ude00"')), repr(json.loads('"\\udc00\\ud800"')))
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8']:
    b = s.encode(enc, 'surrogatepass')
    print(enc, b, repr(b.decode(enc, 'surrogatepass')))
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(' ', e)
print(repr('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600')
print(repr(s.encode('utf-8', 'surrogateescape') if False else s.encode('utf-8', 'backslashreplace')))
print(repr(s.encode('ascii', 'replace')), repr(s.encode('latin-1', 'xmlcharrefreplace')))
print(repr(b'a\xed\xa0\x80'.decode('utf-8', 'surrogatepass')), repr(b'\xff'.decode('utf-8', 'surrogateescape')))
print(repr(s.upper()), repr(s[1]), s.find('\ud800'), repr(s.split('\ud800')), repr('\ud800' * 2))
print(repr(f'{s!r:>10}'), repr('%r' % s), repr(format(s, '^7')))
print(sorted(['\ud800', '\uffff', '\U00010000']) == ['\ud800', '\uffff', '\U00010000'])
print(hash(s) == hash('a\ud800b'), s == 'a' + '\ud800' + 'b')
print(repr(str(KeyError(s))), repr(str(UnicodeError(s))))
try:
    print(s)
except UnicodeEncodeError as e:
    print('print failed:', e)
