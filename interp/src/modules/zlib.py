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


def decompress(data, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    data = memoryview(data).tobytes() if not isinstance(data, bytes) else data
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    _check_wbits(wbits)
    output, consumed, complete, message = _tachyon_zlib.inflate(data, wbits)
    if message is not None:
        raise error("Error -3 while decompressing data: " + message)
    if not complete:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    return output


class _Decompress:
    """A decompression object. The input so far is kept and inflated again
    on each call, what was already returned held back; output cut by
    max_length waits here (`unconsumed_tail` stays empty) and `eof` is set
    once the end of the stream has been handed out."""

    def __init__(self, wbits):
        self._wbits = wbits
        self._input = b""
        self._given = 0
        self._pending = b""
        self._complete = False
        self._unused = b""
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def _run(self, data):
        if self._complete:
            self._unused += data
            return
        self._input += data
        output, consumed, complete, message = _tachyon_zlib.inflate(self._input, self._wbits)
        if message is not None:
            raise error("Error -3 while decompressing data: " + message)
        self._pending += output[self._given:]
        self._given = len(output)
        if complete:
            self._complete = True
            self._unused = self._input[consumed:]
            self._input = b""

    def _take(self, max_length):
        if max_length and len(self._pending) > max_length:
            out, self._pending = self._pending[:max_length], self._pending[max_length:]
        else:
            out, self._pending = self._pending, b""
        if self._complete and not self._pending:
            self.eof = True
            self.unused_data = self._unused
        return out

    def decompress(self, data, max_length=0):
        if not isinstance(data, bytes):
            data = memoryview(data).tobytes()
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        self._run(data)
        return self._take(max_length)

    def flush(self, length=DEF_BUF_SIZE):
        if length <= 0:
            raise ValueError("length must be greater than zero")
        return self._take(0)

    def copy(self):
        twin = _Decompress(self._wbits)
        twin.__dict__.update(self.__dict__)
        return twin

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


_Decompress.__name__ = _Decompress.__qualname__ = "Decompress"
_Decompress.__module__ = "zlib"


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    _check_wbits(wbits)
    if zdict:
        raise error("zdict is not supported by tachyon's zlib yet")
    return _Decompress(wbits)
