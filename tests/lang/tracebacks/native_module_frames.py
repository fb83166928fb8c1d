# Modules tachyon writes in Python stand for CPython's C modules: their
# frames appear in no traceback, caught or uncaught.
import traceback
import zlib

try:
    zlib.decompress(b'bad data')
except zlib.error:
    print(traceback.format_exc())
zlib.decompress(b'more bad data')
