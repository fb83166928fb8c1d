# Searching bytes and bytearray: sub-sequences, single bytes, bounds,
# and `in` (which searches sub-sequences, not only single bytes).
data = bytes(range(256)) * 40
ba = bytearray(data)
for hay in (data, ba):
    print(type(hay).__name__, hay.find(b"\x05\x06"), hay.rfind(b"\x05\x06"),
          hay.count(b"\x05\x06"), hay.index(7, 300), hay.rindex(b"\xff", 0, 600),
          hay.find(b"", 99999), hay.rfind(b""), hay.count(b"", 5, 9),
          hay.startswith(b"\x01", 1), hay.endswith((b"x", b"\xfe\xff")),
          hay[1000], hay[-1], len(hay[10:20]), hay[250:260:3], hay[5:2])
    print(b"\x10\x11" in hay, b"\x11\x10" in hay, 255 in hay, b"" in hay,
          bytearray(b"\x01") in hay, b"\x01\x02" in hay[:1])
    for bad in ("a", 1.5, 256, -1, None):
        try:
            print(bad in hay)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        hay.index(b"zz")
    except ValueError as e:
        print("ValueError", e)
