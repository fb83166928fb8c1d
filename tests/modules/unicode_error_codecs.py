# UnicodeError messages and fields; str.encode/bytes.decode through the codec registry.
for e in [UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 1, 2, 'bad'), UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 2, 3, 'bad'),
          UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 3, 4, 'bad'), UnicodeEncodeError('x', 'abc', 0, 3, 'r'),
          UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid'), UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'invalid')]:
    print(str(e), repr(e))
import codecs
print(codecs.decode(b'\x00\xd8\x00\xdc', 'utf-16-le'), repr(b'\x00\xdc'.decode('utf-16-le', 'surrogatepass')))
for data, enc in [(b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'), (b'\x00\xd8\x00\x00', 'utf-32-le')]:
    try: print(repr(data.decode(enc)))
    except UnicodeDecodeError as e: print(e)
    print(repr(data.decode(enc, 'replace')))
print('caf\xe9'.encode('cp1252'), b'caf\xe9'.decode('cp1252'), 'x'.encode('utf-16'), 'ab'.encode('utf-32-be'))
