# zlib compression byte for byte as CPython 3.8's zlib 1.2.13: every level,
# strategy, container (zlib, raw, gzip), window and memLevel, flushes
# between chunks, copies, dictionaries; incremental decompression with
# max_length; gzip and zipfile files written and read back. Outputs are
# shown as length and CRC-32, so a single differing bit shows.
import gzip
import io
import random
import zipfile
import zlib


def digest(data):
    return "%d:%08x" % (len(data), zlib.crc32(data))


random.seed(8)
# Few Python-level loops: the script also runs with a collection at every
# safepoint. Random letters from a small alphabet make text with short
# matches; over 64 KiB of it, so the 32 KiB window slides.
letters = bytes(b"etaoin shrdlu\n"[i % 14] for i in range(256))
text = random.getrandbits(8 * 80000).to_bytes(80000, "little").translate(letters)
samples = [
    ("empty", b""),
    ("byte", b"a"),
    ("text", text),
    ("random", random.getrandbits(8 * 20000).to_bytes(20000, "little")),
    ("runs", b"".join(bytes([i % 5]) * (i * 37 % 300) for i in range(150))),
    ("mixed", text[:9000] + bytes(range(256)) * 30 + text[:9000]),
]

print(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION)
for name, data in samples:
    print(name, digest(data))
    print("  compress", " ".join(digest(zlib.compress(data, level)) for level in range(-1, 10)))
    for strategy in range(5):
        row = []
        for level in (0, 1, 4, 6, 9):
            for wbits, mem in ((15, 8), (-15, 1), (31, 9), (9, 2)):
                c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strategy)
                out = c.compress(data) + c.flush()
                row.append(digest(out)[-4:])
                back = zlib.decompress(out, wbits)
                assert back == data, (name, strategy, level, wbits, mem)
        print("  strategy", strategy, " ".join(row))

print("flushes")
data = samples[5][1]
modes = [zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH,
         zlib.Z_BLOCK, zlib.Z_SYNC_FLUSH]
for level in (0, 1, 6, 9):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_RLE, zlib.Z_FIXED):
        c = zlib.compressobj(level, zlib.DEFLATED, 15, 8, strategy)
        pieces = []
        for i, mode in enumerate(modes):
            pieces.append(c.compress(data[i * 4000:(i + 1) * 4000]))
            pieces.append(c.flush(mode))
        twin = c.copy()
        pieces.append(c.compress(data[24000:]))
        pieces.append(c.flush(zlib.Z_FINISH))
        tail = twin.compress(data[24000:]) + twin.flush()
        out = b"".join(pieces)
        print(" ", level, strategy, [len(p) for p in pieces[:12]], digest(out),
              tail == pieces[-2] + pieces[-1])
        assert zlib.decompress(out) == data
        # Flushing twice with nothing new adds nothing.
        again = zlib.compressobj(level)
        first = again.compress(b"abc") + again.flush(zlib.Z_SYNC_FLUSH)
        print("   ", digest(first), again.flush(zlib.Z_SYNC_FLUSH), digest(again.flush()))

print("many small compress calls")
c = zlib.compressobj(6)
out = b"".join(c.compress(data[i:i + 100]) for i in range(0, len(data), 100)) + c.flush()
print(" ", digest(out), out == zlib.compress(data, 6))

print("dictionaries")
zdict = text[:5000]
for wbits in (15, -15):
    c = zlib.compressobj(6, zlib.DEFLATED, wbits, 8, 0, zdict)
    out = c.compress(text[5000:20000]) + c.flush()
    d = zlib.decompressobj(wbits, zdict=zdict)
    print(" ", wbits, digest(out), d.decompress(out) == text[5000:20000], d.eof)
try:
    zlib.compressobj(6, zlib.DEFLATED, 31, 8, 0, zdict)
except ValueError as e:
    print("  gzip zdict:", e)

print("decompressobj with max_length")
stream = zlib.compress(text, 6) + b"after"
d = zlib.decompressobj()
chunks, tails = [], []
rest = stream
while not d.eof:
    chunks.append(d.decompress(rest, 7000))
    rest = d.unconsumed_tail
    tails.append(len(rest))
print(" ", [len(c) for c in chunks], tails, d.unused_data)
print(" ", b"".join(chunks) == text)
d = zlib.decompressobj()
out = [d.decompress(stream[i:i + 333]) for i in range(0, len(stream), 333)]
print(" ", [len(o) for o in out[:8]], b"".join(out) == text, d.eof, d.unused_data)
d = zlib.decompressobj()
head = d.decompress(stream[:2000], 10)
e = d.copy()
print(" ", len(head), len(d.unconsumed_tail), e.decompress(e.unconsumed_tail)[:20],
      len(d.flush()), d.eof)

print("gzip")
for level in (1, 6, 9):
    print(" ", level, digest(gzip.compress(text, level, mtime=0)))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=5) as f:
    for i in range(0, len(text), 7777):
        f.write(text[i:i + 7777])
print(" ", digest(buf.getvalue()))
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as f:
    print(" ", f.read(100)[:30], digest(f.read()))
print(" ", gzip.decompress(buf.getvalue()) == text)

print("zipfile")
archive = io.BytesIO()
with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
    for i, (name, data) in enumerate(samples):
        info = zipfile.ZipInfo(name + ".bin", date_time=(2020, 1, 2, 3, 4, 6))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
print(" ", digest(archive.getvalue()))
with zipfile.ZipFile(io.BytesIO(archive.getvalue())) as z:
    print(" ", z.testzip(), [(i.filename, i.compress_size) for i in z.infolist()])
    print(" ", all(z.read(name + ".bin") == data for name, data in samples))

print("decompressobj edges")


def attempt(f):
    try:
        return f()
    except (zlib.error, ValueError) as e:
        return "%s: %s" % (type(e).__name__, e)


s = zlib.compress(b"hello" * 100)
d = zlib.decompressobj()
print(" ", len(d.decompress(s, 20)), len(d.flush()), d.eof, d.unused_data, d.unconsumed_tail)
print(" ", attempt(d.copy))
print(" ", attempt(lambda: d.decompress(b"abc")))
print(" ", attempt(d.flush), d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(" ", len(d.decompress(s + b"junk")), d.unused_data, d.unconsumed_tail, d.eof)
print(" ", d.decompress(b"more"), d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
d.decompress(s[:-10], 100)
print(" ", len(d.unconsumed_tail), len(d.decompress(d.unconsumed_tail + s[-10:] + b"xy")),
      d.unused_data, d.unconsumed_tail)
c = zlib.compressobj(zdict=b"hello")
with_dict = c.compress(b"hello hello") + c.flush()
print(" ", attempt(lambda: zlib.decompressobj().decompress(with_dict)))
print(" ", attempt(lambda: zlib.decompressobj(zdict=b"jello").decompress(with_dict)))
print(" ", attempt(lambda: zlib.decompress(with_dict)))
print(" ", attempt(lambda: zlib.decompress(s[:-1])), attempt(lambda: zlib.decompress(s[:5])))
print(" ", attempt(lambda: zlib.decompress(b"\x78\x9c\xff\xff")))
print(" ", attempt(lambda: zlib.compress(b"x", 10)), attempt(lambda: zlib.compressobj(wbits=0)))
c = zlib.compressobj()
c.compress(b"abc")
print(" ", c.flush(), attempt(lambda: c.compress(b"x")), attempt(c.flush), attempt(c.copy))
print(" ", attempt(lambda: zlib.compressobj().flush(zlib.Z_TREES)))
