"""memoryview for tachyon, after CPython 3.8's Objects/memoryobject.c.

The methods below are copied onto the built-in `memoryview` type (so
`isinstance(m, memoryview)` holds and the class cannot be subclassed);
`_make` is what calling `memoryview(obj)` runs. A view's state is one
`_State`; views made from one another share a `_Buffer`, which holds the
exporter: bytes, bytearray or array.array. While a buffer has unreleased
views its bytearray or array refuses to change size, as in CPython; since
tachyon has no reference counts, a view that was dropped without
`release()` lets go of it when the collector finds it dead (`_resizable`).
"""

from _struct import pack_into as _pack_into, unpack_from as _unpack_from
import _weakref

_tachyon_new_view = _tachyon_new_view  # noqa: F821 (set by the native side)
_tachyon_mark_exported = _tachyon_mark_exported  # noqa: F821

_RELEASED = "operation forbidden on released memoryview object"
_FORMAT_ERROR = ("memoryview: destination format must be a native single character"
                 " format prefixed with an optional '@'")

# Native formats a view can hold, with their item sizes.
_ITEMSIZE = {"c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
             "l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "f": 4, "d": 8, "P": 8}
_BYTE_FORMATS = ("b", "B", "c")
_INT_RANGES = {}
for _c in "bhilqn":
    _bits = 8 * _ITEMSIZE[_c]
    _INT_RANGES[_c] = (-(1 << (_bits - 1)), (1 << (_bits - 1)) - 1)
    _INT_RANGES[_c.upper()] = (0, (1 << _bits) - 1)
_INT_RANGES["P"] = _INT_RANGES["N"]
del _c, _bits


class _Buffer:
    """What one exporter lends: its bytes, read and written in place."""

    def __init__(self, obj):
        self.obj = obj
        self.views = []  # weak references to the states of its views
        kind = type(obj).__name__
        if isinstance(obj, bytes):
            self.readonly, self.format, self.itemsize = True, "B", 1
        elif isinstance(obj, bytearray):
            self.readonly, self.format, self.itemsize = False, "B", 1
        elif kind == "array":
            self.readonly, self.itemsize = False, obj.itemsize
            self.format = "w" if obj.typecode == "u" else obj.typecode
        else:
            raise TypeError("memoryview: a bytes-like object is required, not '"
                            + kind + "'")
        self.is_array = kind == "array"
        if not self.readonly:
            _register_export(self)

    def holds(self):
        """Has it a view not yet released (nor collected)?"""
        self.views = [r for r in self.views if r() is not None and not r().released]
        return bool(self.views)

    def data(self):
        """The bytes now: the object itself unless it is an array."""
        if self.is_array:
            return self.obj.tobytes()
        return self.obj

    def write(self, offset, data):
        if not self.is_array:
            self.obj[offset:offset + len(data)] = data
            return
        arr, size = self.obj, self.itemsize
        first, last = offset // size, (offset + len(data) - 1) // size
        raw = bytearray(arr[first:last + 1].tobytes())
        start = offset - first * size
        raw[start:start + len(data)] = data
        arr[first:last + 1] = type(arr)(arr.typecode, bytes(raw))


# Exporters with views that may be alive: id -> (object, weak refs to
# their buffers).
_exports = {}


def _register_export(buf):
    entry = _exports.get(id(buf.obj))
    if entry is None or entry[0] is not buf.obj:
        entry = _exports[id(buf.obj)] = (buf.obj, [])
    entry[1].append(_weakref.ref(buf))
    _tachyon_mark_exported(buf.obj, True)


def _live_exports(obj):
    entry = _exports.get(id(obj))
    if entry is None or entry[0] is not obj:
        return []
    alive = [r for r in entry[1] if r() is not None and r().holds()]
    entry[1][:] = alive
    return alive


def _resizable(obj):
    """Called when `obj`, marked exported, is about to change size: may it?"""
    if _live_exports(obj):
        import gc
        gc.collect()
        if _live_exports(obj):
            return False
    _exports.pop(id(obj), None)
    _tachyon_mark_exported(obj, False)
    return True


class _State:
    __slots__ = ("buf", "format", "itemsize", "offset", "shape", "strides",
                 "readonly", "released", "__weakref__")


def _new(buf, format, itemsize, offset, shape, strides, readonly):
    s = _State()
    s.buf, s.format, s.itemsize, s.offset = buf, format, itemsize, offset
    s.shape, s.strides, s.readonly, s.released = shape, strides, readonly, False
    buf.views.append(_weakref.ref(s))
    return _tachyon_new_view(s)


def _make(*args, **kwargs):
    """`memoryview(object)`."""
    if kwargs:
        if args or list(kwargs) != ["object"]:
            name = [k for k in kwargs if k != "object"]
            if name:
                raise TypeError("'" + name[0] + "' is an invalid keyword argument for memoryview()")
            raise TypeError("argument for memoryview() given by name ('object') and position (1)")
        args = (kwargs["object"],)
    if len(args) != 1:
        if not args:
            raise TypeError("memoryview() missing required argument 'object' (pos 1)")
        raise TypeError("memoryview() takes at most 1 argument (%d given)" % len(args))
    obj = args[0]
    if type(obj) is memoryview:
        s = _live(obj)
        return _new(s.buf, s.format, s.itemsize, s.offset, s.shape, s.strides, s.readonly)
    buf = _Buffer(obj)
    n = len(obj)
    return _new(buf, buf.format, buf.itemsize, 0, (n,), (buf.itemsize,), buf.readonly)


def _live(view):
    s = view._s
    if s.released:
        raise ValueError(_RELEASED)
    return s


def _format_char(s):
    f = s.format
    if f[:1] == "@":
        f = f[1:]
    if f not in _ITEMSIZE:
        raise NotImplementedError("memoryview: unsupported format " + s.format)
    return f


def _unpack(s, offset, data=None):
    f = _format_char(s)
    if data is None:
        data = s.buf.data()
    if f == "c":
        return bytes(data[offset:offset + 1])
    return _unpack_from(f, data, offset)[0]


def _pack(s, offset, value):
    f = _format_char(s)
    if f == "c":
        if not isinstance(value, bytes):
            raise TypeError("memoryview: invalid type for format '%s'" % s.format)
        if len(value) != 1:
            raise ValueError("memoryview: invalid value for format '%s'" % s.format)
        data = value
    elif f == "?":
        data = b"\x01" if value else b"\x00"
    elif f in _INT_RANGES:
        index = getattr(type(value), "__index__", None)
        if index is None:
            raise TypeError("memoryview: invalid type for format '%s'" % s.format)
        value = index(value)
        low, high = _INT_RANGES[f]
        if not low <= value <= high:
            raise ValueError("memoryview: invalid value for format '%s'" % s.format)
        data = value.to_bytes(s.itemsize, "little", signed=low < 0)
    else:
        try:
            value = float(value) if not isinstance(value, (str, bytes, bytearray)) else None
        except TypeError:
            value = None
        if value is None:
            raise TypeError("memoryview: invalid type for format '%s'" % s.format)
        data = bytearray(s.itemsize)
        _pack_into(f, data, 0, value)
    s.buf.write(offset, data)


def _index(s, dim, key):
    n = s.shape[dim]
    i = key.__index__()
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise IndexError("index out of bounds on dimension %d" % (dim + 1))
    return s.offset + i * s.strides[dim]


def _is_index(key):
    return hasattr(type(key), "__index__")


def _tuple_offset(s, key):
    if len(key) > len(s.shape):
        raise TypeError("cannot index %d-dimension view with %d-element tuple"
                        % (len(s.shape), len(key)))
    if len(key) < len(s.shape):
        raise NotImplementedError("sub-views are not implemented")
    offset = s.offset
    for dim, k in enumerate(key):
        offset += _index(s, dim, k) - s.offset
    return offset


def _offsets(s):
    """The byte offset of every item, in C order."""
    offsets = [s.offset]
    for n, stride in zip(s.shape, s.strides):
        offsets = [o + i * stride for o in offsets for i in range(n)]
    return offsets


def _nested(s, data):
    items = [_unpack(s, o, data) for o in _offsets(s)]
    for n in reversed(s.shape[1:]):
        items = [items[i:i + n] for i in range(0, len(items), n)]
    return items


def _dense(s, dims):
    """Do the dimensions `dims` (innermost first) follow one another?"""
    expected = s.itemsize
    for n, stride in dims:
        if n > 1 and stride != expected:
            return False
        expected *= n
    return True


def _contiguity(s):
    """(C, Fortran) contiguity as CPython's init_flags decides it."""
    if len(s.shape) == 0:
        return True, True
    if len(s.shape) == 1:
        flat = s.shape[0] == 1 or s.strides[0] == s.itemsize
        return flat, flat
    if 0 in s.shape:
        return True, True
    dims = list(zip(s.shape, s.strides))
    return _dense(s, reversed(dims)), _dense(s, dims)


def _product(shape):
    n = 1
    for x in shape:
        n *= x
    return n


def _field(name):
    """A read-only attribute: the view state's `name`."""
    return property(lambda self: getattr(_live(self), name))


class _Methods:
    """The methods and attributes of the built-in `memoryview` type."""

    __module__ = "builtins"
    __qualname__ = "memoryview"

    def __setattr__(self, name, value):
        if name in type(self).__dict__:
            raise AttributeError("attribute '%s' of 'memoryview' objects is not writable" % name)
        raise AttributeError("'memoryview' object has no attribute '%s'" % name)

    def __delattr__(self, name):
        self.__setattr__(name, None)

    @property
    def obj(self):
        return _live(self).buf.obj

    @property
    def nbytes(self):
        s = _live(self)
        return _product(s.shape) * s.itemsize

    readonly = _field("readonly")
    itemsize = _field("itemsize")
    format = _field("format")
    @property
    def ndim(self):
        return len(_live(self).shape)

    shape = _field("shape")
    strides = _field("strides")
    @property
    def suboffsets(self):
        _live(self)
        return ()

    @property
    def c_contiguous(self):
        return _contiguity(_live(self))[0]

    @property
    def f_contiguous(self):
        return _contiguity(_live(self))[1]

    @property
    def contiguous(self):
        c, f = _contiguity(_live(self))
        return c or f

    def __len__(self):
        s = _live(self)
        return s.shape[0] if s.shape else 1

    def __getitem__(self, key):
        s = _live(self)
        if not s.shape:
            if key == () and type(key) is tuple:
                return _unpack(s, s.offset)
            if key is Ellipsis:
                return self
            raise TypeError("invalid indexing of 0-dim memory")
        if _is_index(key):
            if len(s.shape) != 1:
                raise NotImplementedError("multi-dimensional sub-views are not implemented")
            _format_char(s)
            return _unpack(s, _index(s, 0, key))
        if type(key) is slice:
            start, stop, step = key.indices(s.shape[0])
            n = len(range(start, stop, step))
            view = _new(s.buf, s.format, s.itemsize, s.offset + start * s.strides[0],
                        (n,) + s.shape[1:], (s.strides[0] * step,) + s.strides[1:], s.readonly)
            return view
        if type(key) is tuple:
            if all(_is_index(k) for k in key):
                return _unpack(s, _tuple_offset(s, key))
            if all(type(k) is slice for k in key):
                raise NotImplementedError("multi-dimensional slicing is not implemented")
        raise TypeError("memoryview: invalid slice key")

    def __setitem__(self, key, value):
        s = _live(self)
        if s.readonly:
            raise TypeError("cannot modify read-only memory")
        if not s.shape:
            if key is Ellipsis or (type(key) is tuple and key == ()):
                return _pack(s, s.offset, value)
            raise TypeError("invalid indexing of 0-dim memory")
        if _is_index(key):
            if len(s.shape) > 1:
                raise NotImplementedError("sub-views are not implemented")
            return _pack(s, _index(s, 0, key), value)
        if type(key) is slice and len(s.shape) == 1:
            src = _as_view(value)
            dest = self[key]
            d, v = _live(dest), _live(src)
            dest.release()
            if (d.format.lstrip("@") != v.format.lstrip("@") or d.itemsize != v.itemsize
                    or d.shape != v.shape):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            data = src.tobytes()
            if src is not value:
                src.release()
            size = d.itemsize
            for i, o in enumerate(_offsets(d)):
                s.buf.write(o, data[i * size:(i + 1) * size])
            return None
        if type(key) is tuple and all(_is_index(k) for k in key):
            if len(key) < len(s.shape):
                raise NotImplementedError("sub-views are not implemented")
            return _pack(s, _tuple_offset(s, key), value)
        if type(key) is slice or (type(key) is tuple and all(type(k) is slice for k in key)):
            raise NotImplementedError(
                "memoryview slice assignments are currently restricted to ndim = 1")
        raise TypeError("memoryview: invalid slice key")

    def __delitem__(self, key):
        s = _live(self)
        if s.readonly:
            raise TypeError("cannot modify read-only memory")
        raise TypeError("cannot delete memory")

    def __eq__(self, other):
        return _equal(self, other)

    def __ne__(self, other):
        r = _equal(self, other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        s = _live(self)
        if not s.readonly:
            raise ValueError("cannot hash writable memoryview object")
        if s.format.lstrip("@") not in _BYTE_FORMATS:
            raise ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        hash(s.buf.obj)
        return hash(self.tobytes())

    def __repr__(self):
        if self._s.released:
            return "<released memory at 0x%x>" % id(self)
        return "<memory at 0x%x>" % id(self)

    def __enter__(self):
        _live(self)
        return self

    def __exit__(self, *exc_info):
        self.release()

    def release(self, *args):
        _no_args('release', args)
        s = self._s
        if not s.released:
            s.released = True

    def tobytes(self, order=None):
        s = _live(self)
        if order is not None and not isinstance(order, str):
            raise TypeError("argument 1 must be str or None, not " + type(order).__name__)
        if order not in (None, "C", "F", "A"):
            raise ValueError("order must be 'C', 'F' or 'A'")
        data = s.buf.data()
        size = s.itemsize
        if s.shape == (len(data) // size,) and s.offset == 0 and s.strides == (size,):
            return bytes(data)
        offsets = _offsets(s)
        if order == "F" and len(s.shape) > 1:
            offsets = _fortran_offsets(s)
        return b"".join(bytes(data[o:o + size]) for o in offsets)

    def tolist(self, *args):
        _no_args('tolist', args)
        s = _live(self)
        data = s.buf.data()
        if not s.shape:
            return _unpack(s, s.offset, data)
        _format_char(s)
        return _nested(s, data)

    def hex(self, sep=None, bytes_per_sep=1):
        data = self.tobytes()
        if sep is None:
            return data.hex()
        return data.hex(sep, bytes_per_sep)

    def toreadonly(self, *args):
        _no_args('toreadonly', args)
        s = _live(self)
        return _new(s.buf, s.format, s.itemsize, s.offset, s.shape, s.strides, True)

    def cast(self, format=None, shape=None):
        s = _live(self)
        if format is None:
            raise TypeError("function missing required argument 'format' (pos 1)")
        if not isinstance(format, str):
            raise TypeError("memoryview: format argument must be a string")
        if not _contiguity(s)[0]:
            raise TypeError("memoryview: casts are restricted to C-contiguous views")
        if (shape is not None or len(s.shape) != 1) and 0 in s.shape:
            raise TypeError("memoryview: cannot cast view with zeros in shape or strides")
        if shape is not None:
            if not isinstance(shape, (list, tuple)):
                raise TypeError("shape must be a list or a tuple")
            if len(shape) > 64:
                raise ValueError("memoryview: number of dimensions must not exceed 64")
            if len(s.shape) != 1 and len(shape) != 1:
                raise TypeError("memoryview: cast must be 1D -> ND or ND -> 1D")
        char = format[1:] if format[:1] == "@" else format
        if char not in _ITEMSIZE:
            raise ValueError(_FORMAT_ERROR)
        if s.format.lstrip("@") not in _BYTE_FORMATS and char not in _BYTE_FORMATS:
            raise TypeError("memoryview: cannot cast between two non-byte formats")
        itemsize = _ITEMSIZE[char]
        nbytes = _product(s.shape) * s.itemsize
        if nbytes % itemsize:
            raise TypeError("memoryview: length is not a multiple of itemsize")
        new_shape, strides = (nbytes // itemsize,), (itemsize,)
        if shape is not None:
            new_shape = tuple(shape)
            total = itemsize
            for x in new_shape:
                x = x.__index__()
                if x <= 0:
                    raise ValueError("memoryview.cast(): elements of shape must be integers > 0")
                total *= x
            if total != nbytes:
                raise TypeError("memoryview: product(shape) * itemsize != buffer size")
            strides = []
            step = itemsize
            for x in reversed(new_shape):
                strides.append(step)
                step *= x
            strides = tuple(reversed(strides))
        return _new(s.buf, format, itemsize, s.offset, new_shape, strides, s.readonly)


def _no_args(name, args):
    if args:
        raise TypeError("%s() takes no arguments (%d given)" % (name, len(args)))


def _fortran_offsets(s):
    offsets = [s.offset]
    for n, stride in zip(reversed(s.shape), reversed(s.strides)):
        offsets = [o + i * stride for o in offsets for i in range(n)]
    return offsets


def _as_view(value):
    if type(value) is memoryview:
        return value
    try:
        return memoryview(value)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(value).__name__) from None


def _equal(v, other):
    w = other
    if v is w:
        return True
    if v._s.released:
        return False
    if type(w) is memoryview:
        if w._s.released:
            return False
    else:
        try:
            w = memoryview(w)
        except TypeError:
            return NotImplemented
    try:
        a, b = _live(v), _live(w)
        if a.shape != b.shape:
            return False
        if a.format.lstrip("@") == "B" == b.format.lstrip("@"):
            return v.tobytes() == w.tobytes()
        return _same_items(v.tolist(), w.tolist())
    finally:
        if w is not other:
            w.release()


def _same_items(x, y):
    if isinstance(x, list):
        return len(x) == len(y) and all(_same_items(p, q) for p, q in zip(x, y))
    return x == y


_tachyon_adopt(_Methods)  # noqa: F821
del _Methods
