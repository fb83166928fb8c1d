# str(object, encoding, errors): any buffer decodes with the codec (not a bytes
# subclass's own decode), with CPython 3.8's errors for other arguments.
import array
class S(str): pass
class B(bytes):
    def decode(self, *a): return "overridden"
for f in [lambda: str(b'abc', 'utf-8'), lambda: str(bytearray(b'x\xc3\xa9'), 'utf-8'),
          lambda: ascii(str(b'\xed\xa0\x80', 'utf-8', 'surrogatepass')), lambda: str(array.array('b', [65, 66]), 'utf-8'),
          lambda: type(S(b'a', 'ascii')), lambda: str(B(b'q'), 'utf-8'), lambda: str(b'\xff', 'utf-8'),
          lambda: str(b'\xff', 'utf-8', 'replace'), lambda: str(b'abc', 5), lambda: str(b'abc', errors='strict'),
          lambda: str(memoryview(b'mv'), 'latin-1'), lambda: str(b'', 'nonexistent'), lambda: str(b'x', 'nonexistent'),
          lambda: str(b'a\x00', encoding='utf-16-le')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: str(5, 'utf-8'), lambda: str('s', 'utf-8'), lambda: str(b'x', 'utf-8', 7), lambda: str(object=b'kw', encoding='ascii')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
