# The standard library's users of unicodedata: stringprep and the idna
# codec (Unicode 3.2.0 through ucd_3_2_0), NFKC identifiers, \N{...}
# escapes, and text handling that asks for categories and widths.
import stringprep
import unicodedata

print("bücher.example".encode("idna"))
print(b"xn--bcher-kva.example".decode("idna"))
print("Straße.de".encode("idna"), "ÉCOLE.fr".encode("idna"))
print("日本語.jp".encode("idna"), b"xn--wgv71a119e.jp".decode("idna"))
try:
    "a\u0221b.com".encode("idna")
except UnicodeError as e:
    print(type(e).__name__, e)
for c in "a\u00ad\u200b \u3000\u0221\u0627\ufdd0\U000e0001":
    print(hex(ord(c)), stringprep.in_table_a1(c), stringprep.in_table_b1(c), stringprep.in_table_c12(c),
          stringprep.in_table_c22(c), stringprep.in_table_d1(c), stringprep.in_table_d2(c))
print(ascii(stringprep.map_table_b2("\u00df")), ascii(stringprep.map_table_b3("\u2160")))
from encodings import idna
print(idna.nameprep("Ｍａｓｓｅ\u00ad.de"), idna.ToASCII("bücher"), idna.ToUnicode(b"xn--bcher-kva"))

# NFKC identifiers: the compiler normalizes, str.isidentifier does not.
ns = {}
exec("ﬁle = 1\nℌ = 2\nx\u0301 = 3\n", ns)
print(sorted(k for k in ns if k != "__builtins__"))
print(ascii(unicodedata.normalize("NFKC", "ﬁle")), "ﬁle".isidentifier(), "x\u0301".isidentifier(), "\u0301x".isidentifier())
print("\N{GREEK SMALL LETTER ALPHA}\N{SNOWMAN}", ascii("\N{NBSP}\N{ZWJ}"))


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


for text in ["abc", "日本語", "e\u0301", "ｶﾀｶﾅ"]:
    print(ascii(text), width(text), [unicodedata.category(c) for c in text])


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


print(strip_accents("Crème brûlée à la Ñandú"))
print(sorted(["é", "e", "f", "ê", "E\u0301"], key=lambda s: unicodedata.normalize("NFD", s)))
import re
print(re.findall(r"\w+", unicodedata.normalize("NFKC", "ｆｕｌｌ ｗｉｄｔｈ ①②")))

# The codecs' \N{...}: names and aliases (not named sequences) both ways.
for data in [b"\\N{SNOWMAN}", b"\\N{byte order mark}", b"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}", b"\\N{HANGUL SYLLABLE GAG}"]:
    try:
        print(ascii(data.decode("unicode_escape")))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
print("a\u2603\u00e9\U0001f600\ue000".encode("ascii", "namereplace"))
print("a\u00e9\U0001f600\ud800".encode("latin-1", "namereplace"))
