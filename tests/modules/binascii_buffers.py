# binascii takes any bytes-like object: bytes, bytearray, memoryview, array.
import array
import binascii

raw = b"hello, world\x00\xff"
for data in (raw, bytearray(raw), memoryview(raw), array.array("B", raw)):
    print(type(data).__name__,
          binascii.hexlify(data), binascii.b2a_base64(data), binascii.crc32(data),
          binascii.b2a_hex(data, b"-", 4), binascii.crc_hqx(data, 0), binascii.b2a_qp(data))
    enc = binascii.b2a_base64(raw)
    back = type(data)(enc) if not isinstance(data, array.array) else array.array("B", enc)
    if isinstance(data, memoryview):
        back = memoryview(enc)
    print(binascii.a2b_base64(back), binascii.unhexlify(type(back)(binascii.hexlify(raw))
                                                       if not isinstance(back, array.array)
                                                       else array.array("B", binascii.hexlify(raw))))
print(binascii.b2a_uu(memoryview(b"abc")), binascii.a2b_uu(bytearray(b"#86)C\n")))
for bad in ("text", 5, None):
    try:
        binascii.hexlify(bad)
    except TypeError as e:
        print("TypeError", e)
