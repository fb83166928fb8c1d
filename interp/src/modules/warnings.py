# `_warnings`: importlib's warnings go to the Python `warnings` module,
# which keeps the filters itself (this module has no `filters`, so
# `warnings.py` uses its own implementation).


def warn(message, category=None, stacklevel=1, source=None):
    import warnings
    warnings.warn(message, category, stacklevel + 1, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module, registry,
                           module_globals, source)
