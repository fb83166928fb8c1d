# Normalization of every code point alone, whole runs of code points,
# NormalizationTest-like sequences (composed characters, their
# decompositions, combining marks in every order, Hangul jamo,
# singletons, composition exclusions), in all four forms, with
# unicodedata and its ucd_3_2_0, each answer list reduced to a CRC-32.
import binascii
import unicodedata
from itertools import repeat

ALL = "".join(map(chr, range(0x110000)))
FORMS = ("NFC", "NFD", "NFKC", "NFKD")


def show(label, text):
    data = text.encode("utf-8", "surrogatepass")
    print("%-28s %9d %08x" % (label, len(data), binascii.crc32(data)))


def flags(values):
    return "".join("1" if v else "0" for v in values)


# Every code point alone, then in runs of 1024 (neighbours compose).
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for form in FORMS:
        tag = "%s %s" % (db.unidata_version, form)
        show(tag + " each", "|".join(map(db.normalize, repeat(form), ALL)))
        # (3.2.0 never takes the quick check's word: a sample suffices.)
        sample = ALL if db is unicodedata else ALL[::97]
        show(tag + " is_normalized", flags(map(db.is_normalized, repeat(form), sample)))
        runs = [ALL[i:i + 1024] for i in range(0, len(ALL), 1024)]
        show(tag + " runs", "|".join(map(db.normalize, repeat(form), runs)))

# Sequences: each character with a decomposition, its forms, and with
# marks of different combining classes around and in it.
decomposable = [c for c in ALL if unicodedata.decomposition(c)]
marks = ["\u0301", "\u0323", "\u0308\u0301", "\u0323\u0302", "\u0302\u0323", "\u031b\u0323", "\u05b0\u05b1", "\u0f71\u0f72", "\u0345"]
cases = []
for i, c in enumerate(decomposable):
    d = unicodedata.normalize("NFD", c)
    m = marks[i % len(marks)]
    cases += [c, d, d[::-1], c + m, d + m, m + c, c + m[::-1] + c, "a" + d[1:] + m]
for base in ("a", "e", "o", "u", "A", "\u03b1", "\u0391", "\u0915", "\u0b47", "\u1100", "\u3042", "\u304b"):
    for m1 in ("\u0300", "\u0301", "\u0308", "\u0323", "\u0327", "\u0328", "\u031b", "\u093c", "\u0b3e", "\u3099", "\u309a"):
        for m2 in ("", "\u0300", "\u0301", "\u0304", "\u0323", "\u0331", "\u0345"):
            cases.append(base + m1 + m2)
            cases.append(base + m2 + m1)
# Hangul: every leading and vowel jamo with some trailing ones, old jamo,
# and syllables followed by trailing jamo.
for l in range(0x1100, 0x1114):
    for v in range(0x1160, 0x1177):
        for t in ("", "\u11a7", "\u11a8", "\u11c2", "\u11c3"):
            cases.append(chr(l) + chr(v) + t)
for s in range(0xAC00, 0xD7A4, 97):
    cases += [chr(s) + "\u11a8", chr(s) + "\u1161", chr(s) + "\u0301"]
# Singletons, exclusions and non-starter decompositions.
cases += ["\u212b", "\u2126", "\u0958", "\u2adc", "\u0344", "\u0f73", "\u0f75", "\u0f81", "\u1f71", "\u0340\u0341", "\U0001d15e", "\ufb2c"]
print(len(cases), "sequences")
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for form in FORMS:
        tag = "%s %s" % (db.unidata_version, form)
        show(tag + " sequences", "|".join(map(db.normalize, repeat(form), cases)))
        show(tag + " sequences ok", flags(map(db.is_normalized, repeat(form), cases)))

# Spot checks, shown in full.
for text in ["\u1e9b\u0323", "a\u0328\u0301", "\u00c5\u212b", "\ufb01\u00bd", "\uac00\u11a8", "\u1100\u1161\u11a8", "\u0344", "\U0002f868", "\u00e9\u0301\u0301", "e\u0301\u0301"]:
    for form in FORMS:
        out = unicodedata.normalize(form, text)
        old = unicodedata.ucd_3_2_0.normalize(form, text)
        print(form, ascii(text), ascii(out), ascii(old), unicodedata.is_normalized(form, text))

# What comes back: the argument itself when the quick check says so.
class S(str):
    pass

for form in FORMS:
    for text in ("abc", "\u00e9", "e\u0301", "\ufb01", ""):
        s = S(text)
        r = unicodedata.normalize(form, s)
        r_old = unicodedata.ucd_3_2_0.normalize(form, s)
        print(form, ascii(text), type(r).__name__, r is s, type(r_old).__name__, r_old is s)
# Lone surrogates pass through.
print(ascii(unicodedata.normalize("NFC", "\ud800e\u0301\udfff")), unicodedata.is_normalized("NFD", "\ud800"))
