# `bytes % values` and `bytearray % values` (PEP 461), after CPython 3.8's
# Objects/bytesobject.c. The format is read as Latin-1 text so that each
# byte is one character; numbers are formatted by str's `%`, which gives
# ASCII; %s and %b insert bytes, %r and %a the ASCII repr.


def _as_bytes(v):
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if type(v).__name__ in ("memoryview", "array"):
        # The other buffers: memoryview is a Python class made on first use.
        return v.tobytes()
    method = getattr(type(v), "__bytes__", None)
    if method is not None:
        b = method(v)
        if not isinstance(b, bytes):
            raise TypeError("__bytes__ returned non-bytes (type %s)" % type(b).__name__)
        return b
    raise TypeError(
        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'"
        % type(v).__name__
    )


def _char(v):
    if isinstance(v, (bytes, bytearray)):
        if len(v) == 1:
            return chr(v[0])
        raise TypeError("%c requires an integer in range(256) or a single byte")
    try:
        n = v.__index__()
    except AttributeError:
        raise TypeError("%c requires an integer in range(256) or a single byte") from None
    if not 0 <= n < 256:
        raise OverflowError("%c arg not in range(256)")
    return chr(n)


def _is_mapping(values):
    return (
        hasattr(type(values), "__getitem__")
        and not isinstance(values, (tuple, bytes, bytearray, str))
    )


def format(fmt, values):
    text = bytes(fmt).decode("latin-1")
    mapping = values if _is_mapping(values) else None
    args = values if isinstance(values, tuple) else (values,)
    used = 0
    out = []
    i = 0
    n = len(text)

    def next_arg():
        nonlocal used
        if used >= len(args):
            raise TypeError("not enough arguments for format string")
        used += 1
        return args[used - 1]

    while i < n:
        j = text.find("%", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        i = j + 1
        key = None
        if i < n and text[i] == "(":
            if mapping is None:
                raise TypeError("format requires a mapping")
            depth = 1
            k = i + 1
            while k < n and depth:
                if text[k] == "(":
                    depth += 1
                elif text[k] == ")":
                    depth -= 1
                k += 1
            if depth:
                raise ValueError("incomplete format key")
            key = text[i + 1:k - 1].encode("latin-1")
            i = k
        spec = "%"
        while i < n and text[i] in "-+ #0":
            spec += text[i]
            i += 1
        for part in ("width", "precision"):
            if part == "precision":
                if i < n and text[i] == ".":
                    spec += "."
                    i += 1
                else:
                    break
            if i < n and text[i] == "*":
                width = next_arg()
                if not isinstance(width, int):
                    raise TypeError("* wants int")
                spec += str(width)
                i += 1
            else:
                while i < n and text[i].isdigit():
                    spec += text[i]
                    i += 1
        while i < n and text[i] in "hlL":
            i += 1
        if i >= n:
            raise ValueError("incomplete format")
        conv = text[i]
        i += 1
        if conv == "%":
            out.append("%")
            continue
        value = mapping[key] if key is not None else next_arg()
        if conv in "sb":
            out.append((spec + "s") % _as_bytes(value).decode("latin-1"))
        elif conv in "ra":
            out.append((spec + "s") % ascii(value))
        elif conv == "c":
            out.append((spec + "s") % _char(value))
        elif conv in "diouxXeEfFgG":
            out.append((spec + conv) % (value,))
        else:
            raise ValueError(
                "unsupported format character '%s' (0x%x) at index %d" % (conv, ord(conv), i - 1)
            )
    if mapping is None and used < len(args):
        raise TypeError("not all arguments converted during bytes formatting")
    result = "".join(out).encode("latin-1")
    return bytearray(result) if isinstance(fmt, bytearray) else result
