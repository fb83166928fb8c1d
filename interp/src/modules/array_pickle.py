# array's pickling, run in the `array` module after its class is made:
# `array.__reduce_ex__` and `_array_reconstructor`, as arraymodule.c
# (protocol 3 and up send the machine bytes with a format code; older
# protocols a list).

# Linux on x86-64 and AArch64 (little-endian, 4-byte wchar_t, 8-byte long).
_NATIVE_FORMAT = {"b": 1, "B": 0, "u": 20, "h": 4, "H": 2, "i": 8, "I": 6,
                  "l": 12, "L": 10, "q": 12, "Q": 10, "f": 14, "d": 16}
# The integer typecodes by (size, signed), the last of each as C picks it.
_INT_TYPECODE = {(1, True): "b", (1, False): "B", (2, True): "h", (2, False): "H",
                 (4, True): "i", (4, False): "I", (8, True): "q", (8, False): "Q"}


def _machine_format(code):
    """(kind, item size, signed, big-endian) of a machine format code."""
    if code < 2:
        return "int", 1, code == 1, False
    if code < 14:
        return "int", 1 << ((code - 2) // 4 + 1), (code - 2) % 4 >= 2, code % 2 == 1
    if code < 18:
        return "float", 4 if code < 16 else 8, True, code % 2 == 1
    return "str", 2 if code < 20 else 4, False, code % 2 == 1


def _array_reconstructor(arraytype, typecode, mformat_code, items):
    if not isinstance(arraytype, type):
        raise TypeError("first argument must be a type object, not %.200s"
                        % type(arraytype).__name__)
    if not issubclass(arraytype, ArrayType):
        raise TypeError("%.200s is not a subtype of array.array" % arraytype.__name__)
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError("_array_reconstructor() argument 2 must be a unicode character, not %s"
                        % type(typecode).__name__)
    if typecode not in typecodes:
        raise ValueError("second argument must be a valid type code")
    if not isinstance(mformat_code, int):
        raise TypeError("an integer is required (got type %s)" % type(mformat_code).__name__)
    if not 0 <= mformat_code <= 21:
        raise ValueError("third argument must be a valid machine format code.")
    if not isinstance(items, bytes):
        raise TypeError("fourth argument should be bytes, not %.200s" % type(items).__name__)
    if mformat_code == _NATIVE_FORMAT[typecode]:
        return ArrayType.__new__(arraytype, typecode, items)
    kind, size, signed, big = _machine_format(mformat_code)
    order = "big" if big else "little"
    if kind == "str":
        encoding = "utf-%d-%se" % (size * 8, "b" if big else "l")
        converted = items.decode(encoding)
    elif kind == "float":
        import _struct
        fmt = "%s%d%s" % (">" if big else "<", len(items) // size, "f" if size == 4 else "d")
        converted = list(_struct.unpack(fmt, items[:len(items) - len(items) % size]))
    else:
        converted = [int.from_bytes(items[i:i + size], order, signed=signed)
                     for i in range(0, len(items) - size + 1, size)]
        typecode = _INT_TYPECODE[size, signed]
    return ArrayType.__new__(arraytype, typecode, converted)


def __reduce_ex__(self, protocol):
    if type(self) is ArrayType:
        state = None
    else:
        # Without the attributes that hold the array itself.
        state = {k: v for k, v in self.__dict__.items()
                 if not k.startswith("_tachyon_array_") and k not in ("typecode", "itemsize")}
    if protocol < 3:
        return (type(self), (self.typecode, self.tolist()), state)
    return (_array_reconstructor,
            (type(self), self.typecode, _NATIVE_FORMAT[self.typecode], self.tobytes()), state)


ArrayType.__reduce_ex__ = __reduce_ex__
del __reduce_ex__


# The aliases 3.8 still has, deprecated since 3.2: `tostring`, `fromstring`.
def tostring(self):
    import warnings
    warnings.warn("tostring() is deprecated. Use tobytes() instead.", DeprecationWarning, 2)
    return self.tobytes()


def fromstring(self, buffer):
    # The argument is checked before the warning, as Argument Clinic does.
    if not isinstance(buffer, str):
        try:
            memoryview(buffer)
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(buffer).__name__) from None
    import warnings
    warnings.warn("fromstring() is deprecated. Use frombytes() instead.", DeprecationWarning, 2)
    if isinstance(buffer, str):
        buffer = buffer.encode("utf-8")
    return self.frombytes(buffer)


ArrayType.tostring = tostring
ArrayType.fromstring = fromstring
del tostring, fromstring
