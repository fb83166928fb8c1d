"""_io for tachyon: open(), binary and text files, after CPython 3.8's
Modules/_io; StringIO and BytesIO are native classes on the bases here.
Raw operations are _tachyon_files'.

Binary files buffer writes up to DEFAULT_BUFFER_SIZE, as CPython's
BufferedWriter. CPython also closes a file the moment its last reference
goes; tachyon's collector does not, so every file holding unwritten data
is listed in `_unflushed` and written out whenever a file is opened, a
child process starts, and at exit: a file dropped without close() reads
back whole, as under CPython."""

import _tachyon_files as _files

DEFAULT_BUFFER_SIZE = 8192

# Files with buffered writes, by id (see the module's doc).
_unflushed = {}


def _flush_unflushed():
    """Writes out every file's buffered data (errors are the writer's to
    see at its next flush or close, as CPython's)."""
    for f in list(_unflushed.values()):
        try:
            f._write_pending()
        except Exception:
            pass
    _unflushed.clear()
BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


def _closed_error():
    return ValueError("I/O operation on closed file.")


class _IOBase:
    _closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise _closed_error()

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        # CPython's IOBase.readlines: the lines iteration gives, until
        # their length passes `hint`.
        if hint is not None and not hasattr(type(hint), "__index__"):
            raise TypeError("argument should be integer or None, not '%s'"
                            % type(hint).__name__)
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total > hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def close(self):
        self._closed = True


class _RawIOBase(_IOBase):
    pass


class _BufferedIOBase(_IOBase):
    def detach(self):
        raise UnsupportedOperation("detach")


class _TextIOBase(_IOBase):
    encoding = errors = newlines = None

    def detach(self):
        raise UnsupportedOperation("detach")


class _Wrapper:
    """What a wrapping stream (BufferedReader over a raw stream,
    TextIOWrapper over a buffer) answers by asking the stream it wraps,
    which `_inner` gives."""

    @property
    def name(self):
        return self._inner.name

    @property
    def closed(self):
        return self._inner.closed

    def _check_closed(self):
        if self._inner.closed:
            raise _closed_error()

    def readable(self):
        return self._inner.readable()

    def writable(self):
        return self._inner.writable()

    def seekable(self):
        return self._inner.seekable()

    def fileno(self):
        return self._inner.fileno()


class BufferedReader(_Wrapper, _BufferedIOBase):
    """`BufferedReader(raw)`: a read-ahead buffer over a raw stream (any
    object with `read(n)`, as `gzip` and `bz2` give)."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self._size = buffer_size
        self._ahead = b""

    @property
    def _inner(self):
        return self.raw

    @property
    def mode(self):
        return self.raw.mode

    def __repr__(self):
        try:
            return "<_io.BufferedReader name=%r>" % (self.name,)
        except AttributeError:
            return "<_io.BufferedReader>"

    def _more(self, size=DEFAULT_BUFFER_SIZE):
        chunk = self.raw.read(max(size, self._size)) or b""
        self._ahead += chunk
        return bool(chunk)

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            while self._more():
                pass
            data, self._ahead = self._ahead, b""
            return data
        while len(self._ahead) < size and self._more(size - len(self._ahead)):
            pass
        data, self._ahead = self._ahead[:size], self._ahead[size:]
        return data

    def read1(self, size=-1):
        self._check_closed()
        if not self._ahead:
            self._more(size if size and size > 0 else self._size)
        if size is None or size < 0:
            size = len(self._ahead)
        data, self._ahead = self._ahead[:size], self._ahead[size:]
        return data

    def peek(self, size=0):
        self._check_closed()
        if not self._ahead:
            self._more()
        return self._ahead

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def _check_readable(self):
        self._check_closed()

    def readline(self, size=-1):
        self._check_readable()
        while b"\n" not in self._ahead and self._more():
            pass
        i = self._ahead.find(b"\n")
        end = len(self._ahead) if i < 0 else i + 1
        if size is not None and 0 <= size < end:
            end = size
        line, self._ahead = self._ahead[:end], self._ahead[end:]
        return line

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 1:
            pos -= len(self._ahead)
        self._ahead = b""
        return self.raw.seek(pos, whence)

    def tell(self):
        return self.raw.tell() - len(self._ahead)

    def close(self):
        self.raw.close()

    def detach(self):
        raw, self.raw = self.raw, None
        return raw


class _FileBuffer(BufferedReader):
    """A binary file: reads through a read-ahead buffer, writes through."""

    def __init__(self, handle, name, mode, readable, writable, closefd=True, buffered=True):
        self._handle = handle
        self._closefd = closefd
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._ahead = b""
        # Writes not yet made, and their total size (at most one buffer).
        self._pending = []
        self._pending_size = 0
        self._buffered = buffered

    def _write_pending(self):
        if self._pending:
            data = b"".join(self._pending)
            self._pending = []
            self._pending_size = 0
            _unflushed.pop(id(self), None)
            _files.write(self._handle, data)

    def flush(self):
        self._check_closed()
        self._write_pending()

    def __repr__(self):
        return "<_io." + type(self).__name__ + " name=" + repr(self.name) + ">"

    name = mode = None
    closed = _IOBase.closed
    _check_closed = _IOBase._check_closed

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        try:
            _files.seek(self._handle, 0, 1)
        except OSError:
            return False
        return True

    def _check_readable(self):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation("read")

    def _more(self, size=DEFAULT_BUFFER_SIZE):
        # Every read from the file (readline, peek, read) goes through
        # here: what is written must reach the file first.
        self._write_pending()
        chunk = _files.read(self._handle, size)
        self._ahead += chunk
        return bool(chunk)

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            self._write_pending()
            data = self._ahead + _files.read(self._handle, -1)
            self._ahead = b""
            return data
        while len(self._ahead) < size and self._more(max(size - len(self._ahead), DEFAULT_BUFFER_SIZE)):
            pass
        data = self._ahead[:size]
        self._ahead = self._ahead[size:]
        return data

    def read1(self, size=-1):
        # At most one read from the file, as CPython's: a pipe or terminal
        # gives what it has without waiting for `size` bytes.
        self._check_readable()
        if size is None or size < 0:
            size = DEFAULT_BUFFER_SIZE
        if not self._ahead and size:
            self._more(size)
        data = self._ahead[:size]
        self._ahead = self._ahead[size:]
        return data


    def write(self, data):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        if self._ahead:
            _files.seek(self._handle, -len(self._ahead), 1)
            self._ahead = b""
        return self._add(data)

    def _add(self, data):
        """Writes bytes `data` (nothing read ahead), through the buffer."""
        n = len(data)
        if not self._buffered or n >= DEFAULT_BUFFER_SIZE:
            self._write_pending()
            return _files.write(self._handle, data)
        if not self._pending:
            _unflushed[id(self)] = self
        self._pending.append(data)
        self._pending_size += n
        if self._pending_size >= DEFAULT_BUFFER_SIZE:
            self._write_pending()
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        self._write_pending()
        if whence == 1:
            pos -= len(self._ahead)
        self._ahead = b""
        return _files.seek(self._handle, pos, whence)

    def tell(self):
        self._check_closed()
        self._write_pending()
        return _files.seek(self._handle, 0, 1) - len(self._ahead)

    def fileno(self):
        self._check_closed()
        return self._handle

    def close(self):
        if not self._closed:
            try:
                self._write_pending()
            finally:
                self._closed = True
                _unflushed.pop(id(self), None)
                if self._closefd:
                    _files.close(self._handle)


_FileBuffer.__name__ = _FileBuffer.__qualname__ = "BufferedReader"
BufferedWriter = BufferedRandom = BufferedRWPair = FileIO = _FileBuffer


def _utf8_complete(data):
    """The length of the longest prefix of data that ends on a whole
    UTF-8 sequence."""
    n = len(data)
    i = n - 1
    back = 0
    while i >= 0 and back < 4:
        b = data[i]
        if b < 0x80:
            return n
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            return n if n - i >= need else i
        i -= 1
        back += 1
    return n


class TextIOWrapper(_Wrapper, _TextIOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: " + str(newline))
        self.buffer = buffer
        self.encoding = encoding or "UTF-8"
        self.errors = errors or "strict"
        self._newline = newline
        self.line_buffering = line_buffering
        self._write_through = write_through
        # Writes to one of our files, without newline translation or a
        # flush after each, skip the generic path's checks and calls.
        self._direct = (type(buffer) is _FileBuffer and buffer._writable
                        and newline not in ("\r", "\r\n") and not line_buffering
                        and not write_through)
        # Decoded text not yet read is `_text[_tpos:]`: reading a line
        # moves `_tpos` rather than copying the rest of the buffer.
        self._text = ""
        self._tpos = 0
        self._undecoded = b""
        self._cr = False
        "".encode(self.encoding)

    def __repr__(self):
        return ("<_io.TextIOWrapper name=" + repr(self.name) + " mode=" + repr(self.mode)
                + " encoding=" + repr(self.encoding) + ">")

    @property
    def _inner(self):
        return self.buffer

    def _translate(self, text, final):
        if self._cr:
            text = "\r" + text
            self._cr = False
        if not final and text.endswith("\r"):
            text = text[:-1]
            self._cr = True
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _fill(self):
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        # One read of the buffer (`read1`, as CPython's TextIOWrapper), so
        # text from a pipe is seen as it arrives.
        read1 = getattr(self.buffer, "read1", None)
        if read1 is None:
            chunk = self.buffer.read(DEFAULT_BUFFER_SIZE)
        else:
            chunk = read1(DEFAULT_BUFFER_SIZE)
        data = self._undecoded + chunk
        if chunk:
            cut = _utf8_complete(data) if self.encoding.lower().replace("_", "-") in ("utf-8", "utf8") else len(data)
            self._undecoded = data[cut:]
            data = data[:cut]
        else:
            self._undecoded = b""
        text = self._translate(data.decode(self.encoding, self.errors), not chunk)
        self._text = self._text[self._tpos:] + text
        self._tpos = 0
        return bool(chunk)

    def _take(self, end):
        """The unread text up to `end` (an index into `_text`)."""
        text = self._text[self._tpos:end]
        self._tpos = end
        return text

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            if not self.buffer.readable():
                raise UnsupportedOperation("not readable")
            data = self._undecoded + self.buffer.read()
            self._undecoded = b""
            text = self._translate(data.decode(self.encoding, self.errors), True)
            text = self._text[self._tpos:] + text
            self._text = ""
            self._tpos = 0
            return text
        while len(self._text) - self._tpos < size and self._fill():
            pass
        return self._take(min(self._tpos + size, len(self._text)))

    def _line_end(self):
        text, start = self._text, self._tpos
        if self._newline in (None, "\n"):
            i = text.find("\n", start)
            return -1 if i < 0 else i + 1
        if self._newline == "":
            lf = text.find("\n", start)
            cr = text.find("\r", start, None if lf < 0 else lf)
            if cr < 0:
                return -1 if lf < 0 else lf + 1
            if cr + 1 < len(text):
                return cr + 2 if text[cr + 1] == "\n" else cr + 1
            return -1
        i = text.find(self._newline, start)
        return -1 if i < 0 else i + len(self._newline)

    def __next__(self):
        # The common case first: a whole line already decoded. (A closed
        # file has no text left, so it gets to readline's check.)
        text, start = self._text, self._tpos
        if self._newline is None or self._newline == "\n":
            i = text.find("\n", start)
            if i >= 0:
                self._tpos = i + 1
                return text[start:i + 1]
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1):
        self._check_closed()
        while True:
            end = self._line_end()
            if end >= 0 or not self._fill():
                break
        if end < 0:
            end = len(self._text)
        if size is not None and 0 <= size < end - self._tpos:
            end = self._tpos + size
        return self._take(end)

    def write(self, text):
        buffer = self.buffer
        if self._direct and type(text) is str and not buffer._closed and not buffer._ahead:
            buffer._add(text.encode(self.encoding, self.errors))
            return len(text)
        self._check_closed()
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        n = len(text)
        if self._newline in ("\r", "\r\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if self._write_through or (self.line_buffering and ("\n" in text or "\r" in text)):
            self.buffer.flush()
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence != 0 and pos != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        self._text = ""
        self._tpos = 0
        self._undecoded = b""
        self._cr = False
        return self.buffer.seek(pos, whence)

    def tell(self):
        self._check_closed()
        unread = self._text[self._tpos:]
        pending = len(unread.encode(self.encoding, self.errors)) + len(self._undecoded)
        return self.buffer.tell() - pending

    def flush(self):
        self._check_closed()
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            self._text = ""
            self._tpos = 0
            self.buffer.close()

    def detach(self):
        self.flush()
        buffer = self.buffer
        return buffer


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate


def _check_mode(mode, encoding, errors, newline):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    modes = set(mode)
    if modes.difference("axrwb+tU") or len(mode) > len(modes):
        raise ValueError("invalid mode: " + repr(mode))
    kinds = len(modes.intersection("rwax"))
    if "U" in modes:
        if kinds or "+" in modes:
            raise ValueError("mode U cannot be combined with 'x', 'w', 'a', or '+'")
        modes.add("r")
        kinds = 1
    if "t" in modes and "b" in modes:
        raise ValueError("can't have text and binary mode at once")
    if kinds != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    binary = "b" in modes
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    return modes, binary


# open(2)'s flags for each mode, for an `opener`.
_OPEN_FLAGS = {"r": 0, "w": 0o1101, "a": 0o2101, "x": 0o301}


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if _unflushed:
        _flush_unflushed()
    if hasattr(type(file), "__fspath__"):
        file = file.__fspath__()
    if isinstance(file, bytes):
        file = file.decode("utf-8", "surrogateescape")
    if isinstance(file, float):
        raise TypeError("integer argument expected, got float")
    if not isinstance(file, (str, int)):
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(file).__name__)
    modes, binary = _check_mode(mode, encoding, errors, newline)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not " + type(encoding).__name__)
    if not binary and newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: " + str(newline))
    kind = "r" if ("r" in modes or "U" in modes) else "w" if "w" in modes else "a" if "a" in modes else "x"
    plus = "+" in modes
    if isinstance(file, int):
        if file < 0:
            raise ValueError("negative file descriptor")
        _files.check(file)
        handle = file
    elif not closefd:
        raise ValueError("Cannot use closefd=False with file name")
    elif opener is not None:
        flags = _OPEN_FLAGS[kind] | 0o2000000
        if plus:
            flags = (flags & ~3) | 2
        handle = opener(file, flags)
        if not isinstance(handle, int):
            raise TypeError("expected integer from opener")
        if handle < 0:
            raise ValueError("opener returned %d" % handle)
    else:
        handle = _files.open(file, kind + ("+" if plus else ""))
    raw = _FileBuffer(handle, file, mode if binary else kind + ("+" if plus else "") + "b",
                         kind == "r" or plus, kind != "r" or plus, closefd, buffering != 0)
    if binary:
        return raw
    if buffering == 0:
        raw.close()
        raise ValueError("can't have unbuffered text I/O")
    text = TextIOWrapper(raw, encoding, errors, newline, buffering == 1)
    text.mode = mode
    return text


def open_code(path):
    return open(path, "rb")


# StringIO and BytesIO are native (`_tachyon_memory_io`), on the bases above.
from _tachyon_memory_io import classes as _memory_classes

StringIO, BytesIO = _memory_classes(_TextIOBase, _BufferedIOBase)
del _memory_classes


def _reduce_ex(self, protocol):
    # copyreg's protocol 0 and 1 refuse C types without a reduction.
    if protocol < 2:
        raise TypeError("cannot pickle %r object" % type(self).__name__)
    return object.__reduce_ex__(self, protocol)


StringIO.__reduce_ex__ = BytesIO.__reduce_ex__ = _reduce_ex
