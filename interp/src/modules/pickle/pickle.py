"""_pickle: what pickle.py takes from CPython's C accelerator.

The classes are Python (so that pickle.py, copy and libraries subclass them
as they do the C types); `_tachyon_pickle` (Rust) writes and reads the
bytes, calling back here only for class lookup.
"""

import sys
import _tachyon_pickle


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _protocol(protocol):
    """The protocol number as `_Pickler_SetProtocol` takes it."""
    if protocol is None:
        return 4
    if not isinstance(protocol, int):
        index = getattr(type(protocol), '__index__', None)
        if index is None:
            raise TypeError("an integer is required (got type %s)"
                            % type(protocol).__name__)
        protocol = index(protocol)
    if protocol < 0:
        return 5
    if protocol > 5:
        raise ValueError("pickle protocol must be <= 5")
    return protocol


class _PicklerMemoProxy:
    """`Pickler.memo`: a view of the memo of a pickler."""

    def __init__(self, pickler):
        self.pickler = pickler

    def clear(self):
        self.pickler.clear_memo()

    def copy(self):
        return {id(obj): (i, obj)
                for i, obj in enumerate(self.pickler._tachyon_memo)}

    def __reduce__(self):
        return dict, (self.copy(),)


class Pickler:
    """This takes a binary file for writing a pickle data stream."""

    def __init__(self, file, protocol=None, fix_imports=True,
                 buffer_callback=None):
        proto = _protocol(protocol)
        try:
            self._tachyon_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        if buffer_callback is not None and proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._tachyon_proto = proto
        self._tachyon_fix_imports = bool(fix_imports) and proto < 3
        self._tachyon_buffer_callback = buffer_callback
        self._tachyon_memo = []
        self.bin = int(proto > 0)
        self.fast = 0

    @property
    def memo(self):
        return _PicklerMemoProxy(self)

    @memo.setter
    def memo(self, value):
        if isinstance(value, _PicklerMemoProxy):
            self._tachyon_memo = list(value.pickler._tachyon_memo)
            return
        if not isinstance(value, dict):
            raise TypeError("'memo' attribute must be a PicklerMemoProxy "
                            "object or dict, not %s" % type(value).__name__)
        entries = []
        for pair in value.values():
            if not (isinstance(pair, tuple) and len(pair) == 2
                    and isinstance(pair[0], int)):
                raise TypeError("'memo' values must be 2-item tuples")
            entries.append(pair)
        entries.sort(key=lambda pair: pair[0])
        self._tachyon_memo = [obj for _, obj in entries]

    def clear_memo(self):
        """Clears the pickler's "memo"."""
        self._tachyon_memo = []

    def dump(self, obj):
        """Write a pickled representation of the given object to the open file."""
        try:
            write = self._tachyon_write
        except AttributeError:
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % type(self).__name__) from None
        write(_tachyon_pickle.dump(self, obj))


class Unpickler:
    """This takes a binary file for reading a pickle data stream."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        try:
            self._tachyon_read = file.read
            self._tachyon_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' "
                            "attributes") from None
        self._tachyon_buffers = None if buffers is None else iter(buffers)
        if not isinstance(encoding, str) or not isinstance(errors, str):
            raise TypeError("argument 'encoding' must be str")
        self._tachyon_encoding = encoding
        self._tachyon_errors = errors
        self._tachyon_fix_imports = bool(fix_imports)
        self._tachyon_proto = 0
        self.memo = {}

    def find_class(self, module_name, global_name):
        """Return an object from a specified module."""
        return _find_class(self._tachyon_proto, self._tachyon_fix_imports,
                           module_name, global_name)

    def load(self):
        """Load a pickle."""
        if not hasattr(self, '_tachyon_read'):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % type(self).__name__)
        return _tachyon_pickle.load(self)


def _find_class(proto, fix_imports, module_name, global_name):
    """`Unpickler.find_class` of the C module."""
    if proto < 3 and fix_imports:
        import _compat_pickle
        key = (module_name, global_name)
        if key in _compat_pickle.NAME_MAPPING:
            module_name, global_name = _compat_pickle.NAME_MAPPING[key]
        elif module_name in _compat_pickle.IMPORT_MAPPING:
            module_name = _compat_pickle.IMPORT_MAPPING[module_name]
    module = sys.modules.get(module_name)
    if module is None:
        __import__(module_name)
        module = sys.modules[module_name]
    if proto >= 4:
        path = global_name.split('.')
        if '<locals>' in path:
            raise AttributeError("Can't get local attribute %r on %r"
                                 % (global_name, module))
        obj = module
        for name in path:
            try:
                obj = getattr(obj, name)
            except AttributeError:
                raise AttributeError("Can't get attribute %r on %r"
                                     % (global_name, module)) from None
        return obj
    try:
        return getattr(module, global_name)
    except AttributeError:
        raise AttributeError("Can't get attribute %r on %r"
                             % (global_name, module)) from None


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open file object file."""
    Pickler(file, protocol, fix_imports, buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of the object as a bytes object."""
    proto = _protocol(protocol)
    if buffer_callback is not None and proto < 5:
        raise ValueError("buffer_callback needs protocol >= 5")
    return _tachyon_pickle.dumps(obj, proto, bool(fix_imports) and proto < 3,
                                 buffer_callback)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    """Read and return an object from the pickle data stored in a file."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors, buffers=buffers).load()


def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    """Read and return an object from the given pickle data."""
    if type(data) is not bytes and type(data) is not bytearray:
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = memoryview(data).tobytes()
    if not isinstance(encoding, str) or not isinstance(errors, str):
        raise TypeError("argument 'encoding' must be str")
    return _tachyon_pickle.loads(data, bool(fix_imports), encoding, errors,
                                 None if buffers is None else iter(buffers))
