# `faulthandler` for tachyon: the interface `test.support`, `unittest` and
# batch jobs call. A Rust panic is not a C fault, so there is nothing to
# catch at the signal level: `enable` records the file, `dump_traceback`
# writes the current Python stack in CPython's format, and the timer and
# signal registrations are kept but never fire.

import sys as _sys

_state = {"enabled": False, "file": None, "later": None, "registered": {}}


def _file_of(file):
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descripter")
        return file
    fileno = file.fileno()
    if not isinstance(fileno, int):
        raise RuntimeError("file.fileno() is not a valid file descriptor")
    if fileno < 0:
        raise ValueError("file is not a valid file descripter")
    try:
        file.flush()
    except Exception:
        pass
    return fileno


def enable(file=None, all_threads=True):
    _state["file"] = _file_of(file)
    _state["enabled"] = True


def disable():
    was = _state["enabled"]
    _state["enabled"] = False
    _state["file"] = None
    return was


def is_enabled():
    return _state["enabled"]


def dump_traceback(file=None, all_threads=True):
    import os
    fd = _file_of(file)
    lines = ["Current thread 0x%016x (most recent call first):\n" % 1 if all_threads
             else "Stack (most recent call first):\n"]
    frame = _sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        lines.append('  File "%s", line %d in %s\n' % (code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    os.write(fd, "".join(lines).encode("utf-8", "backslashreplace"))


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    if timeout <= 0:
        raise ValueError("timeout must be greater than 0")
    _state["later"] = (timeout, repeat, _file_of(file), exit)


def cancel_dump_traceback_later():
    _state["later"] = None


def register(signum, file=None, all_threads=True, chain=False):
    if signum in (4, 7, 8, 9, 11, 19):  # SIGILL SIGBUS SIGFPE SIGKILL SIGSEGV SIGSTOP
        raise RuntimeError("signal %d cannot be registered, use enable() instead" % signum)
    if not 1 <= signum < 65:
        raise ValueError("signal number out of range")
    _state["registered"][signum] = (_file_of(file), all_threads, chain)


def unregister(signum):
    if not 1 <= signum < 65:
        raise ValueError("signal number out of range")
    return _state["registered"].pop(signum, None) is not None
