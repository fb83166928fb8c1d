# binascii: hex with separators, lenient base64, crc32 and crc_hqx,
# and the Error/Incomplete classes; base64 module on top.
import binascii as b

calls = [
    "b.hexlify(b'\\x01\\xab')", "b.hexlify(b'\\x01\\xab', '-')", "b.hexlify(b'\\x01\\xab\\xcd', b':', 2)",
    "b.hexlify(b'\\x01\\xab\\xcd', ':', -2)", "b.hexlify(b'\\x01\\xab\\xcd\\xef\\x00', ' ', 3)", "b.hexlify(b'abc', 'xy')",
    "b.hexlify('abc')", "b.unhexlify('abc')", "b.unhexlify('zz')", "b.unhexlify('é1')", "b.unhexlify(5)",
    "b.unhexlify('DEADbeef')", "b.unhexlify(b'0a0B')", "b.a2b_base64('YWJj')", "b.a2b_base64('YWJ')",
    "b.a2b_base64('Y')", "b.a2b_base64('YWJjZ')", "b.a2b_base64('YW=Jj')", "b.a2b_base64('Y!W J\\nj')",
    "b.a2b_base64('YQ==extra')", "b.a2b_base64('YQ=')", "b.a2b_base64(b'')", "b.a2b_base64('=YWJj')",
    "b.a2b_base64('YW==Jj')", "b.b2a_base64(b'abcd')", "b.b2a_base64(b'abcd', newline=False)",
    "b.b2a_base64(b'')", "b.b2a_base64('x')", "b.b2a_base64(b'x', bad=1)", "b.crc32(b'hello')",
    "b.crc32(b'hello', 12345)", "b.crc32(b'hello', -1)", "b.crc32(b'')", "b.crc32(b'world', b.crc32(b'hello '))",
    "b.crc_hqx(b'hello', 0)", "b.crc_hqx(b'hello', 0x1ffff)", "b.crc_hqx(b'x')", "b.a2b_hex(bytearray(b'00ff'))",
    "b.b2a_hex(bytearray(b'x'))", "b.hexlify(b'')", "b.hexlify(b'abc', '')", "b.a2b_base64('é')",
    "b.crc32('abc')", "b.hexlify(data=b'\\xff')", "b.a2b_hex(hexstr='ff')",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

print(b.Error.__mro__, b.Incomplete.__mro__)
try:
    b.unhexlify("0")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)

data = bytes(range(256)) * 3
for n in range(0, 40):
    enc = b.b2a_base64(data[:n])
    assert b.a2b_base64(enc) == data[:n], n
    assert b.unhexlify(b.hexlify(data[n:n * 7])) == data[n:n * 7]
print(b.b2a_base64(data[:40]), b.crc32(data), b.crc_hqx(data, 0))

