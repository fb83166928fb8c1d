# The UTF-7 codec: encoding (direct and base64 runs, surrogate pairs),
# decoding with error handlers, incremental decoding, every ASCII byte.
import codecs

texts = ["", "hello", "a+b", "1 + 1 = 2", "~\\", "café", "日本語", "a€b-c",
         "\U0001f600 smile", "mixed é-é.é", "\ud800", "x\udc00y", "tab\there\r\n",
         "+-+", "A\u0391-\u0392."]
for t in texts:
    enc = t.encode("utf-7")
    print(ascii(t), enc, enc.decode("utf-7") == t)
print(bytes(range(128)).decode("utf-7", "replace"))
print("".join(chr(c) for c in range(128)).encode("utf-7"))

bad = [b"+", b"+-", b"a+AGE", b"+AGE-", b"+AGEA-", b"+2D3d", b"+2D3eAGE-", b"+2D0-",
       b"\x80abc", b"+!", b"a~b", b"+AGEx\xff", b"+ZeVnLIqe-", b"+ZeVnLIq", b"+AG",
       b"+AGE", b"+2D3"]
for b in bad:
    for errors in ("strict", "replace", "ignore", "backslashreplace"):
        try:
            print(b, errors, ascii(b.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(b, errors, "UnicodeDecodeError", e.start, e.end, e.reason)

for b in [b"+ZeVnLIqe-", b"a+ZeV", b"a+ZeVn", b"ab+", b"+-x", b"+AGEA"]:
    try:
        print(b, ascii(codecs.utf_7_decode(b)), ascii(codecs.utf_7_decode(b, "strict", True)))
    except UnicodeDecodeError as e:
        print(b, "UnicodeDecodeError", e.start, e.end, e.reason)

dec = codecs.getincrementaldecoder("utf-7")()
data = "héllo wörld \U0001f600 +".encode("utf-7")
print(ascii("".join(dec.decode(data[i:i + 1]) for i in range(len(data))) + dec.decode(b"", True)))
print(codecs.utf_7_encode("é+"), codecs.lookup("utf7").name, codecs.lookup("UTF-7").name)
print("x\u20acy".encode("utf-7", "strict"), "\u20ac".encode("u7"))
