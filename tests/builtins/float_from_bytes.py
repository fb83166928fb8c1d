# float() of bytes and bytearray parses them as ASCII text; errors show the
# object, or an empty string when only whitespace is left.
for s in ["1.5", " -2e3 ", "nan", "1_0.5", "x", "", "1.5\x00"]:
    for t in (str, lambda x: x.encode(), lambda x: bytearray(x.encode())):
        try:
            print(repr(float(t(s))))
        except Exception as e:
            print(type(e).__name__, e)
for b in [b'  ', b'\xff', b'1.5\xff', b'inf', b' 1_000 ', bytearray(b'\t-0.5\n')]:
    try:
        print(repr(float(b)))
    except ValueError as e:
        print('ValueError', e)
