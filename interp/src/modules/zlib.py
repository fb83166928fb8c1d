"""zlib for tachyon: checksums, compression (zlib 1.2.13's deflate, byte
for byte) and decompression (any wbits: zlib, raw deflate, gzip,
automatic), after CPython 3.8's Modules/zlibmodule.c."""

import _tachyon_zlib
from binascii import crc32 as _crc32

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"
__version__ = "1.0"


class error(Exception):
    pass


error.__module__ = "zlib"


def adler32(data, value=1):
    return _tachyon_zlib.adler32(data, value & 0xFFFFFFFF)


def crc32(data, value=0):
    return _crc32(data, value & 0xFFFFFFFF)


def _check_wbits(wbits):
    if not (-15 <= wbits <= -8 or wbits in (0, 16, 32) or 8 <= wbits <= 15
            or 24 <= wbits <= 31 or 40 <= wbits <= 47):
        raise ValueError("Invalid initialization option")


def _bytes_arg(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return memoryview(data).tobytes()


def compress(*args, **kwargs):
    """Returns a bytes object containing compressed data."""
    if not args:
        raise TypeError("compress() takes at least 1 positional argument (0 given)")
    if len(args) > 2:
        raise TypeError("compress() takes at most 2 arguments (%d given)" % len(args))
    level = args[1] if len(args) > 1 else kwargs.pop("level", Z_DEFAULT_COMPRESSION)
    if kwargs:
        raise TypeError("compress() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
    out = _tachyon_zlib.compress(_bytes_arg(args[0]), level)
    if out is None:
        raise error("Bad compression level")
    return out


_MESSAGES = {-2: "inconsistent stream state", -3: "invalid input data",
             -5: "incomplete or truncated stream"}


def _zlib_error(code, doing):
    raise error("Error %d %s: %s" % (code, doing, _MESSAGES.get(code, "library error")))


class _Compress:
    """A compression object over a native zlib stream (a handle)."""

    def __init__(self, handle):
        self._handle = handle

    def compress(self, data, /):
        out = _tachyon_zlib.deflate(self._handle, _bytes_arg(data), Z_NO_FLUSH)
        if isinstance(out, int):
            _zlib_error(out, "while compressing data")
        return out

    def flush(self, mode=Z_FINISH, /):
        if mode == Z_NO_FLUSH:
            return b""
        out = _tachyon_zlib.deflate(self._handle, b"", mode)
        if isinstance(out, int):
            _zlib_error(out, "while flushing")
        return out

    def copy(self):
        handle = _tachyon_zlib.deflate_copy(self._handle)
        if handle is None:
            raise ValueError("Inconsistent stream state")
        return _Compress(handle)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __del__(self):
        _tachyon_zlib.deflate_release(self._handle)


_Compress.__name__ = _Compress.__qualname__ = "Compress"
_Compress.__module__ = "zlib"


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """Return a compressor object."""
    if zdict is not None:
        zdict = _bytes_arg(zdict)
    handle = _tachyon_zlib.deflate_new(level, method, wbits, memLevel, strategy)
    if handle is None:
        raise ValueError("Invalid initialization option")
    obj = _Compress(handle)
    if zdict is not None and not _tachyon_zlib.deflate_set_dictionary(handle, zdict):
        raise ValueError("Invalid dictionary")
    return obj


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    data = _bytes_arg(data)
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    _check_wbits(wbits)
    output, consumed, complete, message = _tachyon_zlib.inflate(data, wbits)
    if message == "need dictionary":
        raise error("Error 2 while decompressing data")
    if message is not None:
        raise error("Error -3 while decompressing data: " + message)
    if not complete:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    return output


class _Decompress:
    """A decompression object over a native stream (a handle) that keeps
    its state between calls, as zlib's inflate does."""

    def __init__(self, handle, zdict):
        self._handle = handle
        self._zdict = zdict
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def _feed(self, data, max_length, doing):
        output, consumed, done, code, message = _tachyon_zlib.inflate_feed(
            self._handle, data, max_length)
        # As CPython's save_unconsumed_input, even before an error: what
        # follows the end of the stream goes to unused_data (and replaces a
        # non-empty unconsumed_tail); otherwise what is left of the input
        # is the tail.
        left = data[consumed:]
        if done:
            if left:
                self.unused_data += left
            if self.unconsumed_tail:
                self.unconsumed_tail = left
        elif left or self.unconsumed_tail:
            self.unconsumed_tail = left
        if message == "incorrect dictionary":
            raise error("Error -3 while setting zdict: invalid input data")
        if doing == "while decompressing data":
            if code == 2:
                raise error("Error 2 " + doing)
            if code < 0:
                raise error("Error %d %s: %s" % (code, doing, message))
        if done:
            self.eof = True
        return output

    def decompress(self, data, /, max_length=0):
        data = _bytes_arg(data)
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        return self._feed(data, max_length, "while decompressing data")

    def flush(self, length=DEF_BUF_SIZE, /):
        if length <= 0:
            raise ValueError("length must be greater than zero")
        output = self._feed(self.unconsumed_tail, 0, "while flushing")
        if self.eof:
            # CPython ends the zlib stream here: no copies, no more input.
            _tachyon_zlib.inflate_release(self._handle)
        return output

    def copy(self):
        handle = _tachyon_zlib.inflate_copy(self._handle)
        if handle is None:
            raise ValueError("Inconsistent stream state")
        twin = _Decompress(handle, self._zdict)
        twin.unused_data = self.unused_data
        twin.unconsumed_tail = self.unconsumed_tail
        twin.eof = self.eof
        return twin

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __del__(self):
        _tachyon_zlib.inflate_release(self._handle)


_Decompress.__name__ = _Decompress.__qualname__ = "Decompress"
_Decompress.__module__ = "zlib"


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    """Return a decompressor object."""
    _check_wbits(wbits)
    if zdict is not None and not isinstance(zdict, bytes):
        try:
            zdict = memoryview(zdict).tobytes()
        except TypeError:
            raise TypeError("zdict argument must support the buffer protocol") from None
    return _Decompress(_tachyon_zlib.inflate_new(wbits, zdict or None), zdict)
