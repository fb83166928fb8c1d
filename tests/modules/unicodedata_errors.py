# unicodedata's argument checks and messages, its defaults, lookup of
# names, aliases and named sequences, and the UCD object.
import unicodedata as ud


def attempt(f, *args, **kwargs):
    try:
        print(ascii(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))


class S(str):
    pass


print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0).__name__, ud.UCD.__module__)
print(ud.__doc__.splitlines()[0])
for db in (ud, ud.ucd_3_2_0):
    for name in ["category", "bidirectional", "combining", "mirrored", "east_asian_width", "decomposition"]:
        f = getattr(db, name)
        print(name, f("A"), f(S("\u00bd")), f("\U0001f600"), f("\ud800"))
        attempt(f, "ab")
        attempt(f, "")
        attempt(f, 65)
        attempt(f)
        attempt(f, "a", "b")
        attempt(f, chr=1)
    for name, good, bad in [("decimal", "\u0663", "x"), ("digit", "\u00b2", "\u00bd"), ("numeric", "\u00bd", "x"), ("name", "\u00e9", "\x00")]:
        f = getattr(db, name)
        print(name, f(good), f(bad, "default"), f(bad, None), f(good, 0))
        attempt(f, bad)
        attempt(f, "ab")
        attempt(f, 1.5, 2)
        attempt(f)
        attempt(f, "a", 1, 2)
        attempt(f, "a", default=1)
    for args in [("NFX", "a"), ("nfc", "a"), ("NFC", 5), (5, "a"), (b"NFC", "a"), ("NFC",), ()]:
        attempt(db.normalize, *args)
        attempt(db.is_normalized, *args)
    attempt(db.normalize, "NFC", "a", x=1)
    attempt(db.normalize, "NFX", "")
    attempt(db.is_normalized, "NFX", "")

for name in ["LATIN SMALL LETTER A", "latin small letter a", b"LATIN SMALL LETTER A", "SNOWMAN",
             "BYTE ORDER MARK", "LINE FEED", "NBSP", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
             "KEYCAP NUMBER SIGN", "TAMIL SYLLABLE KSSA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE HIH",
             "hangul syllable ga", "HANGUL SYLLABLE GX", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-4e00",
             "CJK UNIFIED IDEOGRAPH-2A6D6", "CJK UNIFIED IDEOGRAPH-2A6D7", "CJK UNIFIED IDEOGRAPH-9FA6",
             "CJK UNIFIED IDEOGRAPH-04E00", "CJK COMPATIBILITY IDEOGRAPH-F900", "GRINNING FACE", "NO SUCH NAME",
             "a" * 256, "a" * 257, "\u00e9" * 129, "ab\x00cd", b"\xff\xfe", "", 5, bytearray(b"SNOWMAN"), None]:
    attempt(ud.lookup, name)
    attempt(ud.ucd_3_2_0.lookup, name)
attempt(ud.lookup, "\ud800")
attempt(ud.lookup)
attempt(ud.lookup, "a", "b")
attempt(ud.lookup, name="a")
for cp in [0, 0x41, 0xFEFF, 0xAC00, 0xD7A3, 0x4E00, 0x9FA5, 0x9FA6, 0x9FEF, 0x9FF0, 0x20000, 0x2EBE0, 0x2EBEF, 0x2EBF0, 0xF900, 0x1F600, 0xE000, 0x10FFFF]:
    print(hex(cp), ud.name(chr(cp), None), ud.ucd_3_2_0.name(chr(cp), None))
print(ud.lookup(ud.name("\u00e9")) == "\u00e9", "\N{LATIN SMALL LETTER E WITH ACUTE}", ascii("\N{BYTE ORDER MARK}\N{latin small letter sharp s}"))
attempt(ud.UCD)
attempt(setattr, ud.ucd_3_2_0, "unidata_version", "x")
attempt(setattr, ud.ucd_3_2_0, "foo", 1)
attempt(ud.UCD.category, 1, "a")
attempt(ud.UCD.category, ud.ucd_3_2_0, "\u00a7")
print(type(ud.category).__name__, ud.category.__name__, type(ud.ucd_3_2_0.category).__name__)
print(ud.numeric("\u4e07"), ud.numeric("\U00012432"), ud.numeric("\u0f33"), ud.numeric("\u5146"), ud.numeric("\U0001ec7a", -1))
