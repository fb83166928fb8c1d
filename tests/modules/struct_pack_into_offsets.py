# struct.pack_into with offsets near the ends of the buffer: CPython's
# messages for each way of not fitting.
import struct

buf = bytearray(10)
for offset in (0, 6, 7, 10, 11, -4, -2, -10, -11, -12):
    try:
        struct.pack_into("<I", buf, offset, 0x01020304)
        print(offset, bytes(buf))
    except struct.error as e:
        print(offset, "error:", e)
s = struct.Struct("<2H")
for offset in (-4, -3, 8):
    try:
        s.pack_into(buf, offset, 7, 8)
        print(offset, bytes(buf))
    except struct.error as e:
        print(offset, "error:", e)
