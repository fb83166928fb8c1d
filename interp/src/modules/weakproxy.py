"""weakref.proxy for tachyon, after CPython 3.8's Objects/weakrefobject.c.

Run inside the native `_weakref` module, after its natives are set. A
proxy holds one `_ProxyRef` (a `ref` subclass whose callback is always
set, so it is never the shared plain ref), and forwards attribute access,
operators and calls to the referent; once the referent dies every use
raises ReferenceError. `weakproxy` and `weakcallableproxy` are two
unrelated classes, as in CPython; `proxy(obj)` picks the callable one for
a callable referent, and shares a proxy made without callback.
"""

_ref = ref  # noqa: F821 (set by the native side)
_native_getweakrefs = getweakrefs  # noqa: F821
_DEAD = "weakly-referenced object no longer exists"


class _ProxyRef(_ref):
    """The weak reference inside a proxy, pointing back at the proxy so that
    its callback can be called with it."""

    __slots__ = ("proxy", "user_callback")


def _proxy_died(r):
    callback = r.user_callback
    if callback is not None:
        callback(r.proxy)


def _unwrap(x):
    """The referent of proxy `x`, or `x` itself when it is no proxy."""
    if type(x) in _PROXY_TYPES:
        x = _get_ref(x)()
        if x is None:
            raise ReferenceError(_DEAD)
    return x


def _binary(op):
    def forward(self, other):
        return op(_unwrap(self), _unwrap(other))

    def reflected(self, other):
        return op(_unwrap(other), _unwrap(self))

    return forward, reflected


def _unary(op):
    return lambda self: op(_unwrap(self))


def _pow(self, other, mod=None):
    return pow(_unwrap(self), _unwrap(other), _unwrap(mod))


def _rpow(self, other, mod=None):
    return pow(_unwrap(other), _unwrap(self), _unwrap(mod))


def _ipow(self, other, mod=None):
    target = _unwrap(self)
    target **= _unwrap(other)
    return target


def _inplace(name):
    # `proxy += x` runs the referent's in-place operator and rebinds the
    # name to its result, as CPython's proxy_iadd does.
    code = "def f(a, b):\n    a %s= b\n    return a\n" % name
    scope = {}
    exec(code, scope)
    operate = scope["f"]
    return lambda self, other: operate(_unwrap(self), _unwrap(other))


def _next(self):
    target = _unwrap(self)
    if not hasattr(type(target), "__next__"):
        raise TypeError("'%s' object is not iterable" % type(target).__name__)
    return next(target)


def _repr(self):
    target = _get_ref(self)()
    return "<weakproxy at %s to %s at %s>" % (
        hex(id(self)), type(target).__name__, hex(id(target)))


def _init_subclass(cls, **kwargs):
    for base in cls.__bases__:
        if base in _PROXY_TYPES:
            raise TypeError("type '%s' is not an acceptable base type" % base.__name__)


def _new(cls, *args, **kwargs):
    raise TypeError("cannot create '%s' instances" % cls.__name__)


def _namespace():
    import operator
    ns = {
        "__slots__": ("_r",),
        "__module__": "builtins",
        "__doc__": None,
        "__new__": _new,
        "__init_subclass__": classmethod(_init_subclass),
        "__hash__": None,
        # CPython's proxy is no sequence: `reversed()` refuses it even though
        # it has `__getitem__`.
        "__reversed__": None,
        "__repr__": _repr,
        "__str__": _unary(str),
        "__getattribute__": lambda self, name: getattr(_unwrap(self), name),
        "__setattr__": lambda self, name, value: setattr(_unwrap(self), name, value),
        "__delattr__": lambda self, name: delattr(_unwrap(self), name),
        "__bool__": _unary(bool),
        "__len__": _unary(len),
        "__iter__": _unary(iter),
        "__next__": _next,
        "__contains__": lambda self, item: item in _unwrap(self),
        "__getitem__": lambda self, key: _unwrap(self)[key],
        "__setitem__": lambda self, key, value: operator.setitem(_unwrap(self), key, value),
        "__delitem__": lambda self, key: operator.delitem(_unwrap(self), key),
        "__abs__": _unary(abs),
        "__neg__": _unary(operator.neg),
        "__pos__": _unary(operator.pos),
        "__invert__": _unary(operator.invert),
        "__int__": _unary(int),
        "__float__": _unary(float),
        "__index__": _unary(operator.index),
        "__pow__": _pow,
        "__rpow__": _rpow,
        "__ipow__": _ipow,
    }
    for name in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod",
                 "lshift", "rshift", "and", "or", "xor"):
        key = name + "_" if name in ("and", "or") else name
        ns["__%s__" % name], ns["__r%s__" % name] = _binary(getattr(operator, key))
    ns["__divmod__"], ns["__rdivmod__"] = _binary(divmod)
    for name, symbol in (("add", "+"), ("sub", "-"), ("mul", "*"), ("matmul", "@"),
                         ("truediv", "/"), ("floordiv", "//"), ("mod", "%"),
                         ("lshift", "<<"), ("rshift", ">>"), ("and", "&"),
                         ("or", "|"), ("xor", "^")):
        ns["__i%s__" % name] = _inplace(symbol)
    for name in ("lt", "le", "eq", "ne", "gt", "ge"):
        ns["__%s__" % name] = _binary(getattr(operator, name))[0]
    return ns


_ns = _namespace()
_ns["__bytes__"] = _unary(bytes)
ProxyType = type("weakproxy", (), _ns)
_ns = _namespace()
_ns["__call__"] = lambda self, *args, **kwargs: _unwrap(self)(*args, **kwargs)
CallableProxyType = type("weakcallableproxy", (), _ns)
_PROXY_TYPES = (ProxyType, CallableProxyType)
_GET_REF = {t: t.__dict__["_r"].__get__ for t in _PROXY_TYPES}
del _ns


def _get_ref(p):
    return _GET_REF[type(p)](p)


def proxy(*args, **kwargs):
    """proxy(object[, callback]) -- create a proxy object that weakly
    references 'object'.  'callback', if given, is called with a reference
    to the proxy when 'object' is about to be finalized."""
    if kwargs:
        raise TypeError("proxy() takes no keyword arguments")
    if not args:
        raise TypeError("proxy expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError("proxy expected at most 2 arguments, got %d" % len(args))
    obj, callback = args if len(args) == 2 else (args[0], None)
    cls = CallableProxyType if callable(obj) else ProxyType
    if callback is None:
        for r in _native_getweakrefs(obj):
            if type(r) is _ProxyRef and r.user_callback is None and type(r.proxy) is cls:
                return r.proxy
    r = _ProxyRef(obj, _proxy_died)
    r.user_callback = callback
    p = object.__new__(cls)
    cls.__dict__["_r"].__set__(p, r)
    r.proxy = p
    return p


def getweakrefs(obj):
    """getweakrefs(object) -- return a list of all weak reference objects
    that point to 'object'."""
    # CPython's order: the shared ref, the shared proxy, then the others
    # newest first (each is inserted after the shared ones).
    shared_ref, shared_proxy, others = [], [], []
    for r in reversed(_native_getweakrefs(obj)):
        if type(r) is _ProxyRef:
            (others if r.user_callback is not None else shared_proxy).append(r.proxy)
        elif type(r) is _ref and r.__callback__ is None:
            shared_ref.append(r)
        else:
            others.append(r)
    return shared_ref + shared_proxy + others
