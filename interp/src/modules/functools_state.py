# partial's pickling and copying, as CPython's partial_reduce and
# partial_setstate; run in `_functools` after the class is made.

def __reduce__(self):
    extra = {k: v for k, v in self.__dict__.items() if k not in ("func", "args", "keywords")}
    return (type(self), (self.func,),
            (self.func, self.args, self.keywords or None, extra or None))


def __setstate__(self, state):
    if not isinstance(state, tuple) or len(state) != 4:
        raise TypeError("invalid partial state")
    func, args, keywords, extra = state
    if (not callable(func) or not isinstance(args, tuple)
            or (keywords is not None and not isinstance(keywords, dict))):
        raise TypeError("invalid partial state")
    if extra is not None and not isinstance(extra, dict):
        raise TypeError("setting partial object's dictionary to a non-dict")
    attrs = self.__dict__
    attrs.clear()
    if extra:
        attrs.update(extra)
    attrs["func"] = func
    attrs["args"] = args if type(args) is tuple else tuple(args)
    attrs["keywords"] = {} if keywords is None else (
        keywords if type(keywords) is dict else dict(keywords))


partial.__reduce__ = __reduce__
partial.__setstate__ = __setstate__
del __reduce__, __setstate__
