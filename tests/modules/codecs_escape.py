import codecs
tests = ['a\n\xe9\t\\\'"', '\u20ac\U0001f600\x00\x7f', '']
for s in tests:
    for enc in ('unicode_escape', 'raw_unicode_escape'):
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
for b in [b'\\x41\\u20ac\\101\\\n', b'\\\\u0041', b'\\u0041\\\\u0041\\\\\\u0041', b'caf\xe9']:
    for enc in ('unicode_escape', 'raw_unicode_escape'):
        print(enc, repr(b.decode(enc)))
for bad in [b'\\x4', b'\\u12', b'abc\\', b'\\N{NOPE}', b'\\U11111111']:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        try:
            print(repr(bad.decode('unicode_escape', errors)))
        except Exception as e:
            print(type(e).__name__, e)
print(codecs.escape_decode(b'\\x41\\n\\101'), codecs.escape_encode(b'a\n\x00\xff\\\''))
for bad in [b'\\x4', b'abc\\']:
    try:
        print(codecs.escape_decode(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(codecs.readbuffer_encode('é'))
import pickle
print(pickle.loads(pickle.dumps('é\u20ac', 0)))
