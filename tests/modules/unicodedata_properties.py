# Every code point through every property of unicodedata and of its
# ucd_3_2_0, each answer list reduced to a length and CRC-32.
import binascii
import unicodedata
from itertools import repeat

ALL = "".join(map(chr, range(0x110000)))


def show(label, text):
    data = text.encode("utf-8", "surrogatepass")
    print("%-17s %8d %08x" % (label, len(data), binascii.crc32(data)))


for db in (unicodedata, unicodedata.ucd_3_2_0):
    print(db.unidata_version)
    show("category", "".join(map(db.category, ALL)))
    show("bidirectional", ",".join(map(db.bidirectional, ALL)))
    show("east_asian_width", ",".join(map(db.east_asian_width, ALL)))
    show("combining", bytes(map(db.combining, ALL)).decode("latin-1"))
    show("mirrored", bytes(map(db.mirrored, ALL)).decode("latin-1"))
    show("decimal", bytes(map(db.decimal, ALL, repeat(255))).decode("latin-1"))
    show("digit", bytes(map(db.digit, ALL, repeat(255))).decode("latin-1"))
    show("numeric", repr(list(map(db.numeric, ALL, repeat(None)))))
    show("decomposition", "|".join(map(db.decomposition, ALL)))
    show("name", "|".join(map(db.name, ALL, repeat(""))))
