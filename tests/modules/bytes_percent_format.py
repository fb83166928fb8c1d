# bytes % values (PEP 461).
print(b'%s|%5b|%-4s|%r|%a|%c%c|%d|%05.1f|%x|%%' % (b'a', b'bc', bytearray(b'd'), 'q\xe9', b'r', 65, b'B', 42, 3.14159, 255))
print(bytearray(b'%s') % b'z', b'%(k)s and %(j)d' % {b'k': b'v', b'j': 7}, b'%*d' % (5, 3))
for bad in [(b'%s', 'str'), (b'%d', b'x'), (b'%s %s', (b'a',)), (b'%s', (b'a', b'b')), (b'%c', 300), (b'%y', 1)]:
    try: print(bad[0] % bad[1])
    except Exception as e: print(type(e).__name__, e)
print(str(b'x'), str(bytearray(b'y')), '%s' % b'z', f'{b"w"}', [b'v'], print(b'u'))
for fmt, v in [(b"%i|%u|%o|%X", (7, 8, 9, 255)), (b"%e|%g|%G", (1.5, 2e20, 1e-9)), (b"%#x %+d % d", (255, 3, 4))]:
    print(fmt % v)
print(b"%(a)s" % {b"a": memoryview(b"mv")}, b"%s" % (bytearray(b"ba"),))


class WithBytes:
    def __bytes__(self):
        return b"custom"


print(b"[%s]" % WithBytes(), b"%-6b|" % (b"ab",), b"%.1s" % b"xyz")
