# binascii's quoted-printable, uu and BinHex codecs (with run-length
# coding) against CPython, and the modules built on them: quopri, uu, binhex.
import binascii
import hashlib
import io
import os
import random
import tempfile

rng = random.Random(5)


def sample(n, alphabet=None):
    if alphabet is None:
        return bytes(rng.randrange(256) for _ in range(n))
    return bytes(rng.choice(alphabet) for _ in range(n))


texts = [b"", b"hello", b"caf\xc3\xa9 = ok \n", b"tab\tend\t", b"line \r\nnext\r\n",
         b".\n", b"a.\n.", b"x" * 200, b"under_score and space", b"=\n=", b"\x00\x7f\xff",
         b"trailing space \nend ", b"a\rb\nc"]
texts += [sample(rng.randrange(1, 120), b"ab =_.\t\r\n\xe9x") for _ in range(10)]
texts += [sample(rng.randrange(1, 80)) for _ in range(4)]
digest = hashlib.md5()
for t in texts:
    for quotetabs in (False, True):
        for istext in (False, True):
            for header in (False, True):
                enc = binascii.b2a_qp(t, quotetabs, istext, header)
                digest.update(enc + b"|")
                dec = binascii.a2b_qp(enc, header=header)
                digest.update(dec + b"|")
print("qp", digest.hexdigest())
for t in texts[:13]:
    print(binascii.b2a_qp(t), binascii.b2a_qp(t, quotetabs=True, header=True))
for enc in [b"=41=4a=4G=", b"soft=\nbreak=\r\nhere", b"a==b", b"x_y=5f", "str=41", b"=\rx"]:
    print(binascii.a2b_qp(enc), binascii.a2b_qp(enc, True))

digest = hashlib.md5()
for n in range(0, 46, 3):
    data = sample(n)
    for backtick in (False, True):
        line = binascii.b2a_uu(data, backtick=backtick)
        digest.update(line)
        assert binascii.a2b_uu(line) == data
print("uu", digest.hexdigest())
print(binascii.b2a_uu(b"Cat"), binascii.b2a_uu(b""), binascii.b2a_uu(b"", backtick=True))
for line in [b"", b"#0V%T", b"#0V%T\n", b"#0V%T  ``\r\n", "#0V%T", b"$0V%T", b"!", b"#0V%T  x",
             b"#0V\x01T", b"#0V%T" + b"\x7f"]:
    try:
        print(binascii.a2b_uu(line))
    except binascii.Error as e:
        print("Error", e)
try:
    binascii.b2a_uu(bytes(46))
except binascii.Error as e:
    print("Error", e)

digest = hashlib.md5()
for n in list(range(12)) + [100, 301]:
    data = sample(n, b"\x00\x90aab") if n % 2 else sample(n)
    rle = binascii.rlecode_hqx(data)
    enc = binascii.b2a_hqx(rle)
    digest.update(rle + b"|" + enc + b"|")
    dec, done = binascii.a2b_hqx(enc + b":")
    assert binascii.rledecode_hqx(dec) == data, n
    digest.update(b"%d" % binascii.crc_hqx(data, n))
print("hqx", digest.hexdigest())
print(binascii.rlecode_hqx(b"aaaa" + b"b" * 300 + b"\x90\x90\x90\x90\x90cc"))
for data in [b"", b"\x90\x00", b"a\x90\x05", b"a\x90\x00\x90\x03", b"\x90", b"a\x90", b"\x90\x05"]:
    try:
        print(binascii.rledecode_hqx(data))
    except (binascii.Error, binascii.Incomplete) as e:
        print(type(e).__name__, repr(e))
for text in [b"", b"!", b"!!", b"!!!", b"!!!!", b"!!:", b"!\n!\r!!", "!!!!", b"!!!!:junk", b"!!{!"]:
    try:
        print(binascii.a2b_hqx(text))
    except (binascii.Error, binascii.Incomplete) as e:
        print(type(e).__name__, e)
print(sorted(binascii.b2a_hqx(bytes(range(256)))))

import quopri

src = b"Caf\xc3\xa9 au lait = tasty \t\nsecond line with a very long tail " + b"z" * 90 + b"\n"
out = io.BytesIO()
quopri.encode(io.BytesIO(src), out, quotetabs=False)
print(out.getvalue())
back = io.BytesIO()
quopri.decode(io.BytesIO(out.getvalue()), back)
print(back.getvalue() == src, quopri.encodestring(b"a b\t", quotetabs=True),
      quopri.decodestring(b"a_b=20", header=True))

import uu

payload = bytes(range(256))
with tempfile.TemporaryDirectory() as d:
    plain = os.path.join(d, "plain.bin")
    with open(plain, "wb") as f:
        f.write(payload)
    encoded = io.BytesIO()
    uu.encode(plain, encoded, name="plain.bin", mode=0o644)
    lines = encoded.getvalue().splitlines()
    print(lines[0], lines[1], lines[-2:], len(lines))
    decoded = io.BytesIO()
    uu.decode(io.BytesIO(encoded.getvalue()), decoded)
    print(decoded.getvalue() == payload)

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import binhex
    hexed = os.path.join(d, "plain.hqx")
    binhex.binhex(plain, hexed)
    with open(hexed, "rb") as f:
        text = f.read()
    print(text[:60], len(text))
    back = os.path.join(d, "back.bin")
    binhex.hexbin(hexed, back)
    with open(back, "rb") as f:
        print(f.read() == payload)

# Every byte through the BinHex decoder: the table of legal characters.
results = []
for c in range(256):
    try:
        results.append(binascii.a2b_hqx(bytes([c]) * 4)[0].hex())
    except (binascii.Error, binascii.Incomplete) as e:
        results.append(type(e).__name__[0])
print(hashlib.md5(" ".join(results).encode()).hexdigest(), results.count("E"))
