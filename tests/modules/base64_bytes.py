# base64 on top of bytes.maketrans/translate, bytearray repetition and
# bytearray slice assignment.
import base64
import binascii

t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], bytearray.maketrans(b"a", b"b")[97], type(bytearray.maketrans(b"", b"")).__name__)
print(b"aabbcc".translate(t), b"aabbcc".translate(t, b"b"), b"hello".translate(None, b"l"), bytearray(b"abc").translate(t, b"a"))
print(bytearray(b"ab") * 3, 2 * bytearray(b"x"), bytearray(b"ab") * 0, type(bytearray(b"a") * 2).__name__, bytearray(b"ab") * -1)
b = bytearray(b"ab")
b *= 2
print(b)
b = bytearray(b"0123456789")
b[2:4] = b"xyz"
print(b)
b[::2] = bytes(6)
print(b)
del b[1:3]
print(b)
del b[::3]
print(b)
del b[0]
b[:] = [65, 66]
print(b)
for bad in (lambda: bytes.maketrans(b"ab", b"c"), lambda: b"x".translate(b"short"), lambda: bytes.maketrans("a", "b"),
            lambda: b.__setitem__(slice(0, 1), 5), lambda: b.__setitem__(slice(0, 1), [300]),
            lambda: b.__setitem__(slice(None, None, 2), b"abc")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
raw = bytes(range(0, 256, 9)) + b"tachyon \xff\xfe"
for enc, dec in ((base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode)):
    e = enc(raw)
    print(enc.__name__, len(e), e[:40], dec(e) == raw)
print(base64.b64encode(b"hello world", altchars=b"-_"), base64.standard_b64decode(b"aGk="), base64.b32decode(b"mfrgg===", casefold=True))
# (a85 and b85 build tables of 7225 entries on first use: too slow under GC stress.)
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"), binascii.b2a_base64(b"z"))
for bad in (lambda: base64.b64decode(b"abc", validate=True), lambda: base64.b32decode(b"xyz"), lambda: base64.b16decode(b"0g")):
    try:
        bad()
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
