import zlib, gzip, io
from _support.zlib_samples import SAMPLES, ZLIB, RAW, GZ, ZIP
for s, zs, raw, gz in zip(SAMPLES, ZLIB, RAW, GZ):
    print(len(s), zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 7), zlib.adler32(s, 9))
    print([zlib.decompress(z) == s for z in zs], zlib.decompress(raw, -15) == s, zlib.decompress(gz, 31) == s, zlib.decompress(gz, 47) == s, zlib.decompress(zs[2], 47) == s)
    d = zlib.decompressobj()
    out = b"".join(d.decompress(zs[2][i:i + 7]) for i in range(0, len(zs[2]), 7)) + d.flush()
    print(out == s, d.eof, d.unused_data, d.unconsumed_tail)
    d = zlib.decompressobj(-15)
    parts = [d.decompress(raw + b"tail", 100)]
    while not d.eof:
        parts.append(d.decompress(d.unconsumed_tail, 100))
    print(b"".join(parts) == s, d.eof, d.unused_data)
    print(gzip.decompress(gz) == s, gzip.GzipFile(fileobj=io.BytesIO(gz)).read() == s)
for bad, w in [(b"xyz", 15), (ZLIB[2][2][:-3], 15), (b"\x78\x9c\xff\xff", 15), (GZ[2][:5], 31), (ZLIB[2][2][:-1] + b"\x00", 15)]:
    try:
        zlib.decompress(bad, w)
    except zlib.error as e:
        print("error", e)
for w in (7, 16, 100):
    try:
        zlib.decompressobj(w)
    except ValueError as e:
        print(w, e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION)
import zipfile
buffer = io.BytesIO(ZIP)
with zipfile.ZipFile(buffer) as archive:
    for info in archive.infolist():
        print(info.filename, info.compress_type, info.file_size, archive.read(info) == SAMPLES[int(info.filename)])
