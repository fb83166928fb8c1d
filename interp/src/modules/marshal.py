# `marshal`: tachyon runs source, never .pyc files, and has no code-object
# format; the module exists so that importlib can set itself up.

version = 4


def _unsupported(*args):
    raise ValueError("marshal: tachyon does not read or write .pyc data")


dumps = loads = dump = load = _unsupported
