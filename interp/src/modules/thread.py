# `_thread` for a single-threaded interpreter: locks that never wait for
# another thread (none can exist), `get_ident` of the one thread, and
# `start_new_thread` saying that threads are not supported.

import time as _time

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = 1


def _check_acquire_args(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be positive")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")


def _wait_forever(what):
    raise RuntimeError("%s would wait forever: tachyon runs a single thread, "
                       "so nothing can release it" % what)


class LockType:
    # Locks come from allocate_lock() only, as in CPython.
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_thread.lock' instances")

    def acquire(self, blocking=True, timeout=-1):
        _check_acquire_args(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout == -1:
            _wait_forever("acquiring a held lock")
        _time.sleep(timeout)
        return False

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object at %s>" % (
            "locked" if self._locked else "unlocked", hex(id(self)))


LockType.__name__ = "lock"
LockType.__qualname__ = "lock"


class RLock:
    def __init__(self, *args, **kwargs):  # CPython's rlock_new ignores them
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_acquire_args(blocking, timeout)
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count, self._count = self._count, 0
        return (count, _MAIN_IDENT)

    def _acquire_restore(self, state):
        self._count = state[0]

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<%s _thread.RLock object owner=%d count=%d at %s>" % (
            "locked" if self._count else "unlocked",
            _MAIN_IDENT if self._count else 0, self._count, hex(id(self)))


def allocate_lock():
    lock = object.__new__(LockType)
    lock._locked = False
    return lock


allocate = allocate_lock


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    import posix
    return posix.getpid()


def _count():
    return 0


_stack_size = 0


def stack_size(size=0):
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old, _stack_size = _stack_size, size
    return old


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("can't start new thread: tachyon runs a single thread")


start_new = start_new_thread


def interrupt_main():
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit


def _set_sentinel():
    return allocate_lock()


class _local:
    """Thread-local data: with one thread, plain attributes."""

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        return object.__new__(cls)
