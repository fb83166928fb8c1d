"""memoryview for tachyon: a view of a bytes or bytearray object (format
'B', one dimension), after CPython 3.8's Objects/memoryobject.c."""


class memoryview:
    def __init__(self, obj):
        if isinstance(obj, memoryview):
            obj._check()
            self._obj, self._range = obj._obj, obj._range
        elif isinstance(obj, (bytes, bytearray)):
            self._obj, self._range = obj, range(len(obj))
        else:
            raise TypeError("memoryview: a bytes-like object is required, not '" + type(obj).__name__ + "'")
        self._released = False

    def _check(self):
        if self._released:
            raise ValueError("operation forbidden on released memoryview object")

    @property
    def obj(self):
        self._check()
        return self._obj

    @property
    def readonly(self):
        self._check()
        return isinstance(self._obj, bytes)

    @property
    def nbytes(self):
        self._check()
        return len(self._range)

    format = "B"
    itemsize = 1
    ndim = 1

    @property
    def shape(self):
        self._check()
        return (len(self._range),)

    def __len__(self):
        self._check()
        return len(self._range)

    def __getitem__(self, key):
        self._check()
        if isinstance(key, slice):
            view = memoryview(self)
            view._range = self._range[key]
            return view
        return self._obj[self._position(key)]

    def _position(self, key):
        try:
            return self._range[key]
        except IndexError:
            raise IndexError("index out of bounds on dimension 1") from None

    def __setitem__(self, key, value):
        self._check()
        if isinstance(self._obj, bytes):
            raise TypeError("cannot modify read-only memory")
        if isinstance(key, slice):
            positions = self._range[key]
            data = bytes(value)
            if len(data) != len(positions):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            for i, b in zip(positions, data):
                self._obj[i] = b
            return
        self._obj[self._position(key)] = value

    def __iter__(self):
        self._check()
        return iter(self.tolist())

    def __eq__(self, other):
        if isinstance(other, (bytes, bytearray, memoryview)):
            return self.tobytes() == bytes(other)
        return NotImplemented

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<memory at " + hex(id(self)) + ">"

    def release(self):
        self._released = True

    def tobytes(self):
        self._check()
        r = self._range
        if r.step == 1:
            return bytes(self._obj[r.start:r.stop])
        return bytes(self.tolist())

    def tolist(self):
        self._check()
        obj = self._obj
        return [obj[i] for i in self._range]

    def hex(self):
        return self.tobytes().hex()

    def cast(self, format, shape=None):
        if format in _INT_FORMATS and shape is None:
            return _IntView(self.tobytes(), format)
        if format not in ("B", "b", "c") or shape is not None:
            raise NotImplementedError("memoryview.cast to " + repr(format) + " is not supported by tachyon yet")
        return memoryview(self)


# Native-size integer formats of cast(): (itemsize, signed); little-endian.
_INT_FORMATS = {"h": (2, True), "H": (2, False), "i": (4, True), "I": (4, False),
                "l": (8, True), "L": (8, False), "q": (8, True), "Q": (8, False)}


class _IntView:
    """A read-only memoryview.cast() to machine integers (what
    sre_compile._bytes_to_codes needs): a snapshot of the items."""

    def __init__(self, data, format):
        size, signed = _INT_FORMATS[format]
        if len(data) % size:
            raise TypeError("memoryview: length is not a multiple of itemsize")
        self.format = format
        self.itemsize = size
        self.nbytes = len(data)
        self.readonly = True
        self._items = [int.from_bytes(data[i:i + size], "little", signed=signed)
                       for i in range(0, len(data), size)]

    def __len__(self):
        return len(self._items)

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def tolist(self):
        return list(self._items)
