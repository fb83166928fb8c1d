#!/usr/bin/env python3
"""Writes tests/modules/_support/zlib_samples.py: sample data and what
CPython 3.8's zlib and gzip make of it (every level, zlib, raw and gzip
streams), for tests/modules/zlib_decompress.py to decompress.

Run from anywhere; it re-runs itself under python3.8 ($TACHYON_PYTHON38,
else ~/.pyenv/versions/3.8.*). The samples come from a fixed seed."""

import glob
import os
import random
import subprocess
import sys

if sys.version_info[:2] != (3, 8):
    python = os.environ.get("TACHYON_PYTHON38") or sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/3.8.*/bin/python3.8")))[-1]
    sys.exit(subprocess.call([python, __file__] + sys.argv[1:]))

import gzip  # noqa: E402
import io  # noqa: E402
import zipfile  # noqa: E402
import zlib  # noqa: E402

random.seed(5)
samples = [b"", b"a", b"hello hello hello" * 20, bytes(range(256)) * 3,
           bytes(random.getrandbits(8) for _ in range(3000)),
           " ".join(random.choice(["alpha", "beta", "gamma", "delta"])
                    for _ in range(2000)).encode()]


def raw(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "modules",
                   "_support", "zlib_samples.py")
with open(out, "w") as f:
    f.write("# Made by tools/gen_zlib_data.py with CPython 3.8's zlib: do not edit.\n")
    f.write("SAMPLES = %r\n" % samples)
    f.write("ZLIB = %r\n" % [[zlib.compress(s, level) for level in (0, 1, 6, 9)]
                             for s in samples])
    f.write("RAW = %r\n" % [raw(s) for s in samples])
    f.write("GZ = %r\n" % [gzip.compress(s, mtime=0) for s in samples])
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for i, s in enumerate(samples):
            info = zipfile.ZipInfo(str(i), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, s)
    f.write("ZIP = %r\n" % archive.getvalue())
print("wrote", os.path.normpath(out))
