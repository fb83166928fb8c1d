# `atexit`: functions to run when the interpreter exits, last registered
# first. The VM calls `_run_exitfuncs` after the main program ends.

_handlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _pop():
    """The handler to run next at exit: (func, args, kwargs) or None."""
    if not _handlers:
        return None
    return _handlers.pop()


def _run_exitfuncs():
    last = None
    while _handlers:
        func, args, kwargs = _pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            last = exc
            import sys
            print("Error in atexit._run_exitfuncs:", file=sys.stderr)
            print("%s: %s" % (type(exc).__name__, exc), file=sys.stderr)
    if last is not None:
        raise last
