# The C locale of _locale, and codecs through the registry and encodings.
import _locale
import codecs

print(_locale.setlocale(_locale.LC_NUMERIC), _locale.setlocale(_locale.LC_NUMERIC, "C"))
print(_locale.CHAR_MAX, _locale.LC_ALL, _locale.LC_CTYPE, _locale.LC_NUMERIC)
print(sorted(_locale.localeconv().items()))
try:
    _locale.setlocale(_locale.LC_NUMERIC, "xx_NOPE.UTF-8")
except _locale.Error as e:
    print(type(e).__module__, type(e).__name__, e)
print(_locale.strcoll("a", "b"), _locale.strcoll("b", "a"), _locale.strcoll("a", "a"), _locale.strxfrm("abc"))

for name in ["utf-8", "UTF8", "latin-1", "ascii", "utf-16", "utf_16_be", "utf-32", "cp1252", "latin1", "U8"]:
    info = codecs.lookup(name)
    print(name, info.name, type(info).__name__)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError", e)
text = "héllo €𝄞"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    data = codecs.encode(text, enc)
    print(enc, data, codecs.decode(data, enc) == text)
print(codecs.encode("abc", "latin-1"), codecs.decode(b"\xe9", "latin-1"), codecs.decode(b"\x80\x99", "cp1252"))
print(codecs.encode("€", "cp1252"))
print(codecs.utf_8_decode(b"ab\xc3", "strict", False), codecs.utf_8_decode(b"ab\xc3\xa9", "strict", True))
print(codecs.utf_8_encode("é"), codecs.latin_1_encode("é"), codecs.ascii_decode(b"ab"))
print(codecs.utf_16_le_decode(b"a\x00\x3d\xd8", "strict", False), codecs.utf_16_decode(b"\xff\xfea\x00"))
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([b])) for b in "é€".encode()], dec.decode(b"", final=True))
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
print(codecs.lookup_error("strict") is codecs.strict_errors, codecs.lookup_error("ignore").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError", e)
codecs.register_error("tachyon_test", codecs.ignore_errors)
print(codecs.lookup_error("tachyon_test") is codecs.ignore_errors)
try:
    codecs.decode(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
