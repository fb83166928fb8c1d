# `select` for tachyon: `select()` and `poll` objects over the native
# `_poll`, which waits with Linux's poll(2). No epoll: `selectors` picks
# PollSelector, which asyncio's event loop runs on.

import math as _math

error = OSError
PIPE_BUF = 4096

POLLIN = 0x1
POLLPRI = 0x2
POLLOUT = 0x4
POLLERR = 0x8
POLLHUP = 0x10
POLLNVAL = 0x20
POLLRDNORM = 0x40
POLLRDBAND = 0x80
POLLWRNORM = 0x100
POLLWRBAND = 0x200
POLLMSG = 0x400
POLLRDHUP = 0x2000

_READ = POLLIN | POLLHUP | POLLERR
_WRITE = POLLOUT | POLLERR


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            method = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
        fd = method()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _milliseconds(timeout):
    """poll's timeout in whole milliseconds, rounded up; -1 for none."""
    if timeout is None:
        return -1
    if not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be an integer or None")
    if timeout < 0:
        return -1
    return int(_math.ceil(timeout))


def select(rlist, wlist, xlist, timeout=None):
    if timeout is None:
        ms = -1
    else:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
        ms = int(_math.ceil(timeout * 1000))
    groups = [(list(rlist), POLLIN), (list(wlist), POLLOUT), (list(xlist), POLLPRI)]
    wanted = {}
    for objects, event in groups:
        for obj in objects:
            fd = _fileno(obj)
            wanted[fd] = wanted.get(fd, 0) | event
    flat = []
    for fd, events in wanted.items():
        flat.append(fd)
        flat.append(events)
    got = _poll(flat, ms)
    revents = {got[i]: got[i + 1] for i in range(0, len(got), 2)}
    for events in revents.values():
        if events & POLLNVAL:
            raise OSError(9, "Bad file descriptor")
    masks = (_READ, _WRITE, POLLPRI)
    return tuple([obj for obj in objects if revents.get(_fileno(obj), 0) & mask]
                 for (objects, _), mask in zip(groups, masks))


class poll:
    __module__ = "select"

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._fds[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None):
        flat = []
        for fd, events in self._fds.items():
            flat.append(fd)
            flat.append(events)
        got = _poll(flat, _milliseconds(timeout))
        return [(got[i], got[i + 1]) for i in range(0, len(got), 2)]


EPOLLIN = 0x1
EPOLLPRI = 0x2
EPOLLOUT = 0x4
EPOLLERR = 0x8
EPOLLHUP = 0x10
EPOLLRDNORM = 0x40
EPOLLRDBAND = 0x80
EPOLLWRNORM = 0x100
EPOLLWRBAND = 0x200
EPOLLMSG = 0x400
EPOLLRDHUP = 0x2000
EPOLLEXCLUSIVE = 1 << 28
EPOLLONESHOT = 1 << 30
EPOLLET = 1 << 31
EPOLL_CLOEXEC = 0o2000000


class epoll:
    """epoll's interface, level-triggered, over poll(2): the event bits are
    poll's. Edge-triggered registration is refused, and there is no epoll
    descriptor for fileno()."""

    __module__ = "select"

    def __init__(self, sizehint=-1, flags=0):
        if sizehint == 0 or sizehint < -1:
            raise ValueError("negative sizehint")
        self._fds = {}
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed epoll object")

    def close(self):
        self._closed = True
        self._fds = {}

    def fileno(self):
        self._check()
        raise OSError("tachyon's epoll objects have no descriptor of their own")

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check()
        fd = _fileno(fd)
        if eventmask & EPOLLET:
            raise OSError(22, "tachyon's epoll has no edge-triggered mode (EPOLLET)")
        if fd in self._fds:
            raise FileExistsError(17, "File exists")
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask):
        self._check()
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        self._check()
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        del self._fds[fd]

    def poll(self, timeout=None, maxevents=-1):
        self._check()
        if timeout is None or timeout < 0:
            ms = -1
        else:
            ms = int(_math.ceil(timeout * 1000))
        flat = []
        for fd, events in self._fds.items():
            if events & 0xffff:
                flat.append(fd)
                flat.append(events & 0xffff)
        got = _poll(flat, ms)
        ready = []
        for i in range(0, len(got), 2):
            fd, events = got[i], got[i + 1]
            if events & POLLNVAL:
                continue
            ready.append((fd, events))
            if self._fds[fd] & EPOLLONESHOT:
                self._fds[fd] = EPOLLONESHOT
            if len(ready) == maxevents:
                break
        return ready
