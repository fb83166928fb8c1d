"""_collections for tachyon: defaultdict after CPython 3.8's
Modules/_collectionsmodule.c (results, reprs, messages). deque is native
(`deque.rs`); this text runs in the module `collections.rs` makes."""


class defaultdict(dict):
    __module__ = "collections"
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        text = "None" if factory is None else repr(factory)
        return "defaultdict(" + text + ", " + dict.__repr__(self) + ")"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory else ()
        return type(self), args, None, None, iter(self.items())
