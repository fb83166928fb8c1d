"""`marshal` for tachyon: CPython 3.8's serialisation of None, bools,
StopIteration, Ellipsis, int, float, complex, str, bytes (and other
bytes-like objects, read back as bytes), tuple, list, dict, set and
frozenset, in format versions 0 to 4, after Python/marshal.c.

Tachyon runs source, never .pyc files, so code objects are the one type it
does not marshal (ValueError naming them). CPython writes a back-reference
flag only for objects with more than one reference; tachyon counts no
references and flags every object it may meet again: the output loads the
same everywhere, though its bytes can differ from CPython's."""

version = 4

_MAX_DEPTH = 2000
_SIZE32_MAX = 0x7FFFFFFF
_FLAG_REF = 0x80
_SINGLETONS = {None: b"N", False: b"F", True: b"T"}


def _pack_int(n):
    return (n & 0xFFFFFFFF).to_bytes(4, "little")


def _pack_double(x):
    import _struct
    return _struct.pack("<d", x)


def _unpack_double(b):
    import _struct
    return _struct.unpack("<d", b)[0]


def _float_text(x):
    # PyOS_double_to_string(x, 'g', 17, 0): 17 significant digits.
    text = "%.17g" % x
    return bytes([len(text)]) + text.encode("ascii")


class _Writer:
    def __init__(self, version):
        self.version = version
        self.out = []
        self.refs = {}
        # Keeps each flagged object alive, so that ids stay unique.
        self.keep = []

    def w_object(self, v, depth):
        depth += 1
        if depth > _MAX_DEPTH:
            raise ValueError("object too deeply nested to marshal")
        if v is None or v is True or v is False:
            self.out.append(_SINGLETONS[v])
            return
        if v is StopIteration:
            self.out.append(b"S")
            return
        if v is Ellipsis:
            self.out.append(b".")
            return
        flag = 0
        if self.version >= 3:
            key = id(v)
            index = self.refs.get(key)
            if index is not None:
                self.out.append(b"r" + _pack_int(index))
                return
            self.refs[key] = len(self.refs)
            self.keep.append(v)
            flag = _FLAG_REF
        self.w_complex_object(v, flag, depth)

    def w_type(self, code, flag):
        self.out.append(bytes([ord(code) | flag]))

    def w_pstring(self, b):
        self.out.append(_pack_int(len(b)))
        self.out.append(b)

    def w_complex_object(self, v, flag, depth):
        t = type(v)
        if t is int:
            if -0x80000000 <= v <= 0x7FFFFFFF:
                self.w_type("i", flag)
                self.out.append(_pack_int(v))
            else:
                self.w_long(v, flag)
        elif t is float:
            if self.version > 1:
                self.w_type("g", flag)
                self.out.append(_pack_double(v))
            else:
                self.w_type("f", flag)
                self.out.append(_float_text(v))
        elif t is complex:
            if self.version > 1:
                self.w_type("y", flag)
                self.out.append(_pack_double(v.real) + _pack_double(v.imag))
            else:
                self.w_type("x", flag)
                self.out.append(_float_text(v.real) + _float_text(v.imag))
        elif t is str:
            self.w_str(v, flag)
        elif t is tuple:
            if self.version >= 4 and len(v) < 256:
                self.w_type(")", flag)
                self.out.append(bytes([len(v)]))
            else:
                self.w_type("(", flag)
                self.w_size(len(v))
            for item in v:
                self.w_object(item, depth)
        elif t is list:
            self.w_type("[", flag)
            self.w_size(len(v))
            for item in v:
                self.w_object(item, depth)
        elif t is dict:
            self.w_type("{", flag)
            for key, value in v.items():
                self.w_object(key, depth)
                self.w_object(value, depth)
            self.out.append(b"0")
        elif t is set or t is frozenset:
            self.w_type("<" if t is set else ">", flag)
            self.w_size(len(v))
            for item in v:
                self.w_object(item, depth)
        elif t.__name__ == "code" and t.__module__ == "builtins":
            raise ValueError("marshal: tachyon does not marshal code objects")
        else:
            try:
                data = memoryview(v).tobytes()
            except TypeError:
                raise ValueError("unmarshallable object") from None
            self.w_type("s", flag)
            self.w_size(len(data))
            self.out.append(data)

    def w_size(self, n):
        if n > _SIZE32_MAX:
            raise ValueError("unmarshallable object")
        self.out.append(_pack_int(n))

    def w_long(self, v, flag):
        # Digits of 15 bits, least significant first, the count signed.
        self.w_type("l", flag)
        n = abs(v)
        digits = []
        while n:
            digits.append(n & 0x7FFF)
            n >>= 15
        self.out.append(_pack_int(len(digits) if v > 0 else -len(digits)))
        for d in digits:
            self.out.append(d.to_bytes(2, "little"))

    def w_str(self, v, flag):
        if self.version >= 4 and v.isascii():
            data = v.encode("ascii")
            if len(data) < 256:
                self.w_type("z", flag)
                self.out.append(bytes([len(data)]))
                self.out.append(data)
            else:
                self.w_type("a", flag)
                self.w_size(len(data))
                self.out.append(data)
            return
        data = v.encode("utf-8", "surrogatepass")
        self.w_type("u", flag)
        self.w_size(len(data))
        self.out.append(data)


class _Reader:
    def __init__(self, read):
        self.read_exact = read
        self.refs = []
        self.depth = 0

    def r_byte(self):
        b = self.read_exact(1, True)
        return b[0] if b else -1

    def r_long(self):
        n = int.from_bytes(self.read_exact(4, False), "little")
        return n - (1 << 32) if n & 0x80000000 else n

    def r_float_text(self):
        n = self.r_byte()
        if n < 0:
            raise EOFError("EOF read where object expected")
        text = self.read_exact(n, False)
        return float(text.decode("latin-1"))

    def r_size(self, what):
        n = self.r_long()
        if n < 0 or n > _SIZE32_MAX:
            raise ValueError("bad marshal data (%s size out of range)" % what)
        return n

    def r_object(self):
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            self.depth -= 1
            raise ValueError("recursion limit exceeded")
        try:
            return self.r_object_body()
        finally:
            self.depth -= 1

    def r_ref(self, v, flag):
        if flag:
            self.refs.append(v)
        return v

    def r_object_body(self):
        code = self.r_byte()
        if code < 0:
            raise EOFError("EOF read where object expected")
        flag = code & _FLAG_REF
        t = chr(code & ~_FLAG_REF)
        if t == "0":
            return _NULL
        if t == "N":
            return None
        if t == "S":
            return StopIteration
        if t == ".":
            return Ellipsis
        if t == "F":
            return False
        if t == "T":
            return True
        if t == "i":
            return self.r_ref(self.r_long(), flag)
        if t == "I":
            return self.r_ref(int.from_bytes(self.read_exact(8, False), "little", signed=True), flag)
        if t == "l":
            return self.r_ref(self.r_long_digits(), flag)
        if t == "f":
            return self.r_ref(self.r_float_text(), flag)
        if t == "g":
            return self.r_ref(_unpack_double(self.read_exact(8, False)), flag)
        if t == "x":
            real = self.r_float_text()
            return self.r_ref(complex(real, self.r_float_text()), flag)
        if t == "y":
            real = _unpack_double(self.read_exact(8, False))
            return self.r_ref(complex(real, _unpack_double(self.read_exact(8, False))), flag)
        if t == "s":
            n = self.r_size("bytes")
            return self.r_ref(bytes(self.read_exact(n, False)), flag)
        if t in "ut":
            n = self.r_size("string")
            s = self.read_exact(n, False).decode("utf-8", "surrogatepass")
            return self.r_ref(self.interned(s, t == "t"), flag)
        if t in "aA":
            n = self.r_size("string")
            s = self.read_exact(n, False).decode("latin-1")
            return self.r_ref(self.interned(s, t == "A"), flag)
        if t in "zZ":
            n = self.r_byte()
            if n < 0:
                raise EOFError("EOF read where object expected")
            s = self.read_exact(n, False).decode("latin-1")
            return self.r_ref(self.interned(s, t == "Z"), flag)
        if t in "()":
            n = self.r_byte() if t == ")" else self.r_size("tuple")
            if n < 0:
                raise EOFError("EOF read where object expected")
            index = self.reserve(flag)
            items = tuple(self.r_item("tuple") for _ in range(n))
            return self.fill(index, items)
        if t == "[":
            n = self.r_size("list")
            items = self.r_ref([], flag)
            for _ in range(n):
                items.append(self.r_item("list"))
            return items
        if t == "{":
            d = self.r_ref({}, flag)
            while True:
                key = self.r_object()
                if key is _NULL:
                    break
                value = self.r_object()
                if value is _NULL:
                    break
                d[key] = value
            return d
        if t in "<>":
            n = self.r_size("set")
            if t == "<":
                s = self.r_ref(set(), flag)
                for _ in range(n):
                    s.add(self.r_item("set"))
                return s
            index = self.reserve(flag)
            items = [self.r_item("set") for _ in range(n)]
            return self.fill(index, frozenset(items))
        if t == "r":
            n = self.r_long()
            if n < 0 or n >= len(self.refs) or self.refs[n] is _NULL:
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[n]
        if t == "c":
            raise ValueError("marshal: tachyon does not marshal code objects")
        raise ValueError("bad marshal data (unknown type code)")

    def r_item(self, what):
        v = self.r_object()
        if v is _NULL:
            raise TypeError("NULL object in marshal data for " + what)
        return v

    def reserve(self, flag):
        # A tuple or frozenset is made after its items, but its reference
        # number is taken before them.
        if not flag:
            return -1
        self.refs.append(_NULL)
        return len(self.refs) - 1

    def fill(self, index, v):
        if index >= 0:
            self.refs[index] = v
        return v

    def interned(self, s, intern):
        if intern:
            import sys
            return sys.intern(s)
        return s

    def r_long_digits(self):
        n = self.r_long()
        if n < -_SIZE32_MAX or n > _SIZE32_MAX:
            raise ValueError("bad marshal data (long size out of range)")
        size = abs(n)
        value = 0
        digit = 0
        for i in range(size):
            digit = int.from_bytes(self.read_exact(2, False), "little", signed=True)
            if digit < 0 or digit >= 0x8000:
                raise ValueError("bad marshal data (digit out of range in long)")
            value |= digit << (15 * i)
        if size and digit == 0:
            raise ValueError("bad marshal data (unnormalized long data)")
        return -value if n < 0 else value


class _Null:
    __slots__ = ()


_NULL = _Null()


def _check_version(version):
    if not isinstance(version, int):
        raise TypeError("an integer is required (got type %s)" % type(version).__name__)


def _deep(f, *args):
    # Nesting down to _MAX_DEPTH takes a few Python frames a level.
    import sys
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + 4 * _MAX_DEPTH)
    try:
        return f(*args)
    finally:
        sys.setrecursionlimit(limit)


def dumps(value, version=version):
    _check_version(version)
    w = _Writer(version)
    _deep(w.w_object, value, 0)
    return b"".join(w.out)


def dump(value, file, version=version):
    file.write(dumps(value, version))


def _result(r):
    v = _deep(r.r_object)
    if v is _NULL:
        raise TypeError("NULL object in marshal data for object")
    return v


def loads(bytes):
    data = memoryview(bytes).tobytes()
    pos = 0

    def read(n, first):
        nonlocal pos
        if len(data) - pos < n:
            if first:
                return b""
            raise EOFError("marshal data too short")
        chunk = data[pos:pos + n]
        pos += n
        return chunk

    return _result(_Reader(read))


def load(file):
    def read(n, first):
        buf = bytearray(n)
        got = file.readinto(buf)
        if got is None:
            got = 0
        if got > n:
            raise ValueError("read() returned too much data: %d bytes requested, %d returned" % (n, got))
        if got < n:
            if first and got == 0:
                return b""
            raise EOFError("EOF read where not expected")
        return bytes(buf)

    return _result(_Reader(read))
