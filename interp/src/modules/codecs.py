# `_codecs`: the codec registry and the codec functions `encodings/*.py`
# call. UTF-8, ASCII and Latin-1 go through the built-in codecs of
# str.encode and bytes.decode; UTF-16, UTF-32 and charmaps are here.

_search_functions = []
_cache = {}
_error_handlers = {}
_BUILTIN = {"utf-8": "utf-8", "utf8": "utf-8", "ascii": "ascii", "latin-1": "latin-1",
            "latin1": "latin-1", "iso-8859-1": "latin-1"}


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def _normalize(encoding):
    return encoding.lower().replace(" ", "-")


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    try:
        return _cache[key]
    except KeyError:
        pass
    if not _search_functions:
        import encodings
    for search in _search_functions:
        result = search(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = result
        return result
    raise LookupError("unknown encoding: %s" % encoding)


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def encode(obj, encoding="utf-8", errors="strict"):
    if isinstance(obj, str) and _normalize(encoding) in _BUILTIN:
        return obj.encode(encoding, errors)
    result = lookup(encoding).encode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding="utf-8", errors="strict"):
    if isinstance(obj, (bytes, bytearray)) and _normalize(encoding) in _BUILTIN:
        return obj.decode(encoding, errors)
    result = lookup(encoding).decode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object, integer)")
    return result[0]


def register_error(name, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def lookup_error(name):
    try:
        handler = _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None
    if isinstance(handler, str):
        # A handler of this module, by name: the module's functions are
        # replaced by builtin ones after it runs.
        import _codecs
        handler = getattr(_codecs, handler)
    return handler


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ("", exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("?" * (exc.end - exc.start), exc.end)
    if isinstance(exc, (UnicodeDecodeError, UnicodeTranslateError)):
        return ("\ufffd", exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        part = exc.object[exc.start:exc.end]
        return ("".join("\\x%02x" % b for b in part), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        out = []
        for c in exc.object[exc.start:exc.end]:
            n = ord(c)
            if n < 0x100:
                out.append("\\x%02x" % n)
            elif n < 0x10000:
                out.append("\\u%04x" % n)
            else:
                out.append("\\U%08x" % n)
        return ("".join(out), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        text = "".join("&#%d;" % ord(c) for c in exc.object[exc.start:exc.end])
        return (text, exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def namereplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    try:
        from unicodedata import name
    except ImportError:
        return backslashreplace_errors(exc)
    out = []
    for c in exc.object[exc.start:exc.end]:
        text = name(c, None)
        out.append("\\N{%s}" % text if text else backslashreplace_errors(
            UnicodeEncodeError(exc.encoding, c, 0, 1, exc.reason))[0])
    return ("".join(out), exc.end)


for _name in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
              "namereplace"):
    _error_handlers[_name] = _name + "_errors"
del _name


def _errors(errors):
    return "strict" if errors is None else errors


def _utf8_complete(data):
    """How many leading bytes of `data` hold no cut-off UTF-8 sequence."""
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        if b >= 0xF0:
            need = 4
        elif b >= 0xE0:
            need = 3
        elif b >= 0xC0:
            need = 2
        else:
            need = 1
        return n - back if need > back else n
    return n


def utf_8_encode(s, errors=None):
    return (s.encode("utf-8", _errors(errors)), len(s))


def utf_8_decode(data, errors=None, final=False):
    data = bytes(data)
    n = len(data) if final else _utf8_complete(data)
    return (data[:n].decode("utf-8", _errors(errors)), n)


def ascii_encode(s, errors=None):
    return (s.encode("ascii", _errors(errors)), len(s))


def ascii_decode(data, errors=None):
    data = bytes(data)
    return (data.decode("ascii", _errors(errors)), len(data))


def latin_1_encode(s, errors=None):
    return (s.encode("latin-1", _errors(errors)), len(s))


def latin_1_decode(data, errors=None):
    data = bytes(data)
    return (data.decode("latin-1", _errors(errors)), len(data))


def _utf16_units(s):
    for c in s:
        n = ord(c)
        if n >= 0x10000:
            n -= 0x10000
            yield 0xD800 | (n >> 10)
            yield 0xDC00 | (n & 0x3FF)
        else:
            yield n


def _encode_units(s, width, byteorder, errors, name=None):
    name = name or "utf-%d-%se" % (width * 8, byteorder[0])
    out = []
    i = 0
    while i < len(s):
        n = ord(s[i])
        if 0xD800 <= n < 0xE000 and errors != "surrogatepass":
            exc = UnicodeEncodeError(name, s, i, i + 1, "surrogates not allowed")
            replacement, i = lookup_error(_errors(errors))(exc)
            if isinstance(replacement, bytes):
                out.append(replacement)
            else:
                out.append(_encode_units(replacement, width, byteorder, "strict", name))
            continue
        if width == 2 and n >= 0x10000:
            n -= 0x10000
            out.append((0xD800 | (n >> 10)).to_bytes(2, byteorder))
            n = 0xDC00 | (n & 0x3FF)
        out.append(n.to_bytes(width, byteorder))
        i += 1
    return b"".join(out)


def _decode_units(data, width, byteorder, errors, final):
    data = bytes(data)
    usable = len(data) - len(data) % width
    units = [int.from_bytes(data[i:i + width], byteorder) for i in range(0, usable, width)]
    out = []
    i = 0
    consumed = 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u < 0xE000 and (width == 4 or u >= 0xDC00 or
                                     (i + 1 < len(units) and not 0xDC00 <= units[i + 1] < 0xE000)):
            # A lone surrogate: kept with surrogatepass, an error otherwise.
            if errors == "surrogatepass":
                out.append(chr(u))
                i += 1
                consumed = i * width
                continue
            reason = ("code point in surrogate code point range(0xd800, 0xe000)" if width == 4
                      else "illegal encoding" if u >= 0xDC00 else "illegal UTF-16 surrogate")
            end = i * width + width
            exc = UnicodeDecodeError("utf-%d-%se" % (width * 8, byteorder[0]), data, i * width,
                                     end, reason)
            replacement, resume = lookup_error(_errors(errors))(exc)
            out.append(replacement)
            i = resume // width
            consumed = i * width
            continue
        if width == 2 and 0xD800 <= u < 0xDC00:
            if i + 1 >= len(units):
                if not final:
                    break
                raise UnicodeDecodeError("utf-16-" + byteorder[0] + "e", data, i * 2,
                                         len(data), "unexpected end of data")
            low = units[i + 1]
            out.append(chr(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)))
            i += 2
        elif width == 4 and u > 0x10FFFF:
            raise UnicodeDecodeError("utf-32-" + byteorder[0] + "e", data, i * 4,
                                     i * 4 + 4, "code point not in range(0x110000)")
        else:
            out.append(chr(u))
            i += 1
        consumed = i * width
    if final and consumed < len(data) and i >= len(units):
        raise UnicodeDecodeError("utf-%d-%se" % (width * 8, byteorder[0]), data, consumed,
                                 len(data), "truncated data")
    return ("".join(out), consumed)


def _fixed_order(width, byteorder):
    """The encode and decode functions of UTF-16 or UTF-32 in one byte order."""
    def encode(s, errors=None):
        return (_encode_units(s, width, byteorder, errors), len(s))

    def decode(data, errors=None, final=False):
        return _decode_units(data, width, byteorder, errors, final)

    return encode, decode


def _with_bom(width):
    """encode, ex_decode and decode of UTF-16 or UTF-32 with a byte-order mark."""
    bom_le = (b"\xff\xfe" + b"\x00" * (width - 2))
    bom_be = bom_le[::-1]

    def encode(s, errors=None, byteorder=0):
        name = "utf-%d" % (width * 8)
        if byteorder == 0:
            return (bom_le + _encode_units(s, width, "little", errors, name), len(s))
        order = "little" if byteorder < 0 else "big"
        return (_encode_units(s, width, order, errors, name), len(s))

    def ex_decode(data, errors=None, byteorder=0, final=False):
        data = bytes(data)
        skip = 0
        if byteorder == 0 and len(data) >= width:
            if data[:width] == bom_le:
                byteorder, skip = -1, width
            elif data[:width] == bom_be:
                byteorder, skip = 1, width
        order = "big" if byteorder > 0 else "little"
        text, used = _decode_units(data[skip:], width, order, errors, final)
        return (text, used + skip, byteorder)

    def decode(data, errors=None, final=False):
        text, used, _ = ex_decode(data, errors, 0, final)
        return (text, used)

    return encode, ex_decode, decode


utf_16_le_encode, utf_16_le_decode = _fixed_order(2, "little")
utf_16_be_encode, utf_16_be_decode = _fixed_order(2, "big")
utf_32_le_encode, utf_32_le_decode = _fixed_order(4, "little")
utf_32_be_encode, utf_32_be_decode = _fixed_order(4, "big")
utf_16_encode, utf_16_ex_decode, utf_16_decode = _with_bom(2)
utf_32_encode, utf_32_ex_decode, utf_32_decode = _with_bom(4)


def charmap_build(decoding_table):
    return {ord(c): i for i, c in enumerate(decoding_table)}


def charmap_decode(data, errors=None, mapping=None):
    data = bytes(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    for i, b in enumerate(data):
        c = mapping[b] if isinstance(mapping, str) and b < len(mapping) else (
            mapping.get(b) if isinstance(mapping, dict) else None)
        if isinstance(c, int):
            c = chr(c)
        if c is None or c == "\ufffe":
            if _errors(errors) == "strict":
                raise UnicodeDecodeError("charmap", data, i, i + 1,
                                         "character maps to <undefined>")
            if errors == "ignore":
                continue
            c = "\ufffd"
        out.append(c)
    return ("".join(out), len(data))


def charmap_encode(s, errors=None, mapping=None):
    if mapping is None:
        return latin_1_encode(s, errors)
    out = bytearray()
    for i, c in enumerate(s):
        b = mapping.get(ord(c))
        if b is None:
            if _errors(errors) == "strict":
                raise UnicodeEncodeError("charmap", s, i, i + 1,
                                         "character maps to <undefined>")
            if errors == "ignore":
                continue
            b = ord("?")
        if isinstance(b, bytes):
            out += b
        else:
            out.append(b)
    return (bytes(out), len(s))


# ---- the escape codecs: unicode_escape, raw_unicode_escape, escape (bytes)

_SIMPLE_ESCAPES = {92: "\\", 39: "'", 34: '"', 98: "\b", 102: "\f", 116: "\t",
                   110: "\n", 114: "\r", 118: "\v", 97: "\x07"}
_HEX_DIGITS = b"0123456789abcdefABCDEF"


def unicode_escape_encode(s, errors=None):
    out = []
    for c in s:
        n = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif n < 0x20 or 0x7F <= n < 0x100:
            out.append("\\x%02x" % n)
        elif n < 0x7F:
            out.append(c)
        elif n < 0x10000:
            out.append("\\u%04x" % n)
        else:
            out.append("\\U%08x" % n)
    return ("".join(out).encode("ascii"), len(s))


def _escape_error(codec, data, start, end, reason, errors, out):
    """Applies `errors` to a bad escape; returns where decoding resumes."""
    exc = UnicodeDecodeError(codec, data, start, end, reason)
    if errors == "strict":
        raise exc
    text, resume = lookup_error(errors)(exc)
    out.append(text)
    return resume


def _hex_escape(data, i, digits, codec, errors, out, what):
    """Decodes the `digits` hex digits at `i` (after `\\x`, `\\u`, `\\U`)."""
    start = i - 2
    end = i
    while end < len(data) and end - i < digits and data[end] in _HEX_DIGITS:
        end += 1
    if end - i < digits:
        return _escape_error(codec, data, start, end, "truncated %s escape" % what, errors, out)
    n = int(data[i:end], 16)
    if n > 0x10FFFF:
        return _escape_error(codec, data, start, end, "illegal Unicode character", errors, out)
    out.append(chr(n))
    return end


def _octal_escape(data, i, first):
    """The value of an octal escape whose first digit was `first`, up to two
    more digits from `i`, and where it ends."""
    value = first - 48
    for _ in range(2):
        if i < len(data) and 48 <= data[i] <= 55:
            value = value * 8 + data[i] - 48
            i += 1
    return value, i


def _escape_decode(data, errors, raw, codec):
    data = bytes(data)
    errors = _errors(errors)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b != 92:
            out.append(chr(b))
            i += 1
            continue
        if raw:
            run = i
            while run < n and data[run] == 92:
                run += 1
            count = run - i
            if count % 2 == 0 or run >= n or data[run] not in (117, 85):
                out.append("\\" * count)
                i = run
                continue
            out.append("\\" * (count - 1))
            kind = data[run]
            i = _hex_escape(data, run + 1, 4 if kind == 117 else 8, codec, errors, out,
                            "\\uXXXX" if kind == 117 else "\\UXXXXXXXX")
            continue
        if i + 1 >= n:
            i = _escape_error(codec, data, i, n, "\\ at end of string", errors, out)
            continue
        c = data[i + 1]
        i += 2
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif c == 10:
            pass
        elif 48 <= c <= 55:
            value, i = _octal_escape(data, i, c)
            out.append(chr(value))
        elif c == 120:
            i = _hex_escape(data, i, 2, codec, errors, out, "\\xXX")
        elif c == 117:
            i = _hex_escape(data, i, 4, codec, errors, out, "\\uXXXX")
        elif c == 85:
            i = _hex_escape(data, i, 8, codec, errors, out, "\\UXXXXXXXX")
        elif c == 78:
            start = i - 2
            close = data.find(b"}", i)
            if i >= n or data[i] != 123 or close < 0:
                i = _escape_error(codec, data, start, n if close < 0 else close + 1,
                                  "malformed \\N character escape", errors, out)
                continue
            char = None
            try:
                import unicodedata
                char = unicodedata.lookup(data[i + 1:close].decode("latin-1"))
            except (ImportError, KeyError):
                pass
            if char is not None and len(char) != 1:
                char = None  # a named sequence, which only lookup() accepts
            if char is None:
                i = _escape_error(codec, data, start, close + 1,
                                  "unknown Unicode character name", errors, out)
            else:
                out.append(char)
                i = close + 1
        else:
            out.append("\\" + chr(c))
    return ("".join(out), n)


def unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return _escape_decode(data, errors, False, "unicodeescape")


def raw_unicode_escape_encode(s, errors=None):
    out = []
    for c in s:
        n = ord(c)
        if n < 0x100:
            out.append(c)
        elif n < 0x10000:
            out.append("\\u%04x" % n)
        else:
            out.append("\\U%08x" % n)
    return ("".join(out).encode("latin-1"), len(s))


def raw_unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return _escape_decode(data, errors, True, "rawunicodeescape")


def escape_encode(data, errors=None):
    if not isinstance(data, bytes):
        raise TypeError("argument 1 must be bytes, not %s" % type(data).__name__)
    out = bytearray()
    for b in data:
        if b == 92:
            out += b"\\\\"
        elif b == 39:
            out += b"\\'"
        elif b == 9:
            out += b"\\t"
        elif b == 10:
            out += b"\\n"
        elif b == 13:
            out += b"\\r"
        elif b < 0x20 or b >= 0x7F:
            out += b"\\x%02x" % b
        else:
            out.append(b)
    return (bytes(out), len(data))


def escape_decode(data, errors=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b != 92:
            out.append(b)
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("Trailing \\ in string")
        c = data[i + 1]
        i += 2
        if c in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[c].encode("latin-1")
        elif c == 10:
            pass
        elif 48 <= c <= 55:
            value, i = _octal_escape(data, i, c)
            out.append(value & 0xFF)
        elif c == 120:
            if i + 2 <= n and data[i] in _HEX_DIGITS and data[i + 1] in _HEX_DIGITS:
                out.append(int(data[i:i + 2], 16))
                i += 2
            elif _errors(errors) == "strict":
                raise ValueError("invalid \\x escape at position %d" % (i - 2))
            elif errors == "replace":
                out.append(63)
            elif errors != "ignore":
                raise ValueError("decoding error; unknown error handling code: " + errors)
        else:
            out += b"\\" + bytes([c])
    return (bytes(out), n)


def readbuffer_encode(data, errors=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    return (data, len(data))


# UTF-7 (RFC 2152) as CPython's unicodeobject.c writes and reads it: the
# codec sends Set O and whitespace directly and base64-encodes the rest.
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {ord(c): i for i, c in enumerate(_B64)}
# Characters that never stand for themselves (RFC 2152's special ones,
# controls but tab, CR and LF, and DEL).
_UTF7_SPECIAL = frozenset(b"+\\~") | frozenset(range(0, 32)) - frozenset(b"\t\r\n") | {127}


def _utf7_direct(n):
    return n < 128 and n not in _UTF7_SPECIAL


def utf_7_encode(s, errors=None):
    out = []
    in_shift = False
    bits = 0
    buffer = 0

    def push_unit(unit):
        nonlocal bits, buffer
        bits += 16
        buffer = (buffer << 16) | unit
        while bits >= 6:
            out.append(_B64[(buffer >> (bits - 6)) & 0x3F])
            bits -= 6
        buffer &= (1 << bits) - 1

    for c in s:
        n = ord(c)
        if in_shift:
            if _utf7_direct(n):
                if bits:
                    out.append(_B64[(buffer << (6 - bits)) & 0x3F])
                    buffer = bits = 0
                in_shift = False
                # A character that is not base64 ends the shift by itself.
                if n in _B64_VALUE or c == "-":
                    out.append("-")
                out.append(c)
                continue
        elif c == "+":
            out.append("+-")
            continue
        elif _utf7_direct(n):
            out.append(c)
            continue
        else:
            out.append("+")
            in_shift = True
        if n >= 0x10000:
            n -= 0x10000
            push_unit(0xD800 | (n >> 10))
            n = 0xDC00 | (n & 0x3FF)
        push_unit(n)
    if bits:
        out.append(_B64[(buffer << (6 - bits)) & 0x3F])
    if in_shift:
        out.append("-")
    return ("".join(out).encode("ascii"), len(s))


def utf_7_decode(data, errors=None, final=False):
    data = bytes(data)
    errors = _errors(errors)
    out = []
    size = len(data)
    i = 0
    start = 0
    in_shift = False
    shift_out_start = 0
    bits = buffer = surrogate = 0
    while True:
        while i < size:
            ch = data[i]
            reason = None
            if in_shift:
                if ch in _B64_VALUE:
                    buffer = (buffer << 6) | _B64_VALUE[ch]
                    bits += 6
                    i += 1
                    if bits >= 16:
                        unit = buffer >> (bits - 16)
                        bits -= 16
                        buffer &= (1 << bits) - 1
                        if surrogate:
                            if 0xDC00 <= unit < 0xE000:
                                out.append(chr(0x10000 + ((surrogate - 0xD800) << 10)
                                               + (unit - 0xDC00)))
                                surrogate = 0
                                continue
                            out.append(chr(surrogate))
                            surrogate = 0
                        if 0xD800 <= unit < 0xDC00:
                            surrogate = unit
                        else:
                            out.append(chr(unit))
                    continue
                in_shift = False
                if bits > 6:
                    i += 1
                    reason = "partial character in shift sequence"
                elif buffer:
                    i += 1
                    reason = "non-zero padding bits in shift sequence"
                else:
                    if surrogate and ch < 128 and ch != 43:
                        out.append(chr(surrogate))
                    surrogate = 0
                    if ch == 45:  # '-' ends the shift and is absorbed
                        i += 1
                    continue
            elif ch == 43:  # '+'
                start = i
                i += 1
                if i < size and data[i] == 45:
                    i += 1
                    out.append("+")
                    continue
                if i < size and data[i] not in _B64_VALUE:
                    i += 1
                    reason = "ill-formed sequence"
                else:
                    in_shift = True
                    surrogate = 0
                    shift_out_start = len(out)
                    bits = buffer = 0
                    continue
            elif ch < 128:
                i += 1
                out.append(chr(ch))
                continue
            else:
                start = i
                i += 1
                reason = "unexpected special character"
            i = _escape_error("utf7", data, start, i, reason, errors, out)
        if in_shift and final:
            in_shift = False
            if surrogate or bits >= 6 or (bits and buffer):
                i = _escape_error("utf7", data, start, size, "unterminated shift sequence",
                                  errors, out)
                if i < size:
                    continue
        break
    if in_shift:
        return ("".join(out[:shift_out_start]), start)
    return ("".join(out), i)
