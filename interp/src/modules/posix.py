# The Python half of tachyon's `posix` (run in the module made by
# posix.rs): keyword signatures, the result structseqs, scandir, environ.

error = OSError

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_NDELAY = O_NONBLOCK
O_DSYNC = 0o10000
O_SYNC = 0o4010000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
O_ACCMODE = 3
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
EX_OK = 0
WNOHANG = 1
WUNTRACED = 2

# Linux's values of the remaining constants (as CPython 3.8 on x86-64).
CLD_CONTINUED = 6
CLD_DUMPED = 3
CLD_EXITED = 1
CLD_TRAPPED = 4
EX_CANTCREAT = 73
EX_CONFIG = 78
EX_DATAERR = 65
EX_IOERR = 74
EX_NOHOST = 68
EX_NOINPUT = 66
EX_NOPERM = 77
EX_NOUSER = 67
EX_OSERR = 71
EX_OSFILE = 72
EX_PROTOCOL = 76
EX_SOFTWARE = 70
EX_TEMPFAIL = 75
EX_UNAVAILABLE = 69
EX_USAGE = 64
F_LOCK = 1
F_TEST = 3
F_TLOCK = 2
F_ULOCK = 0
GRND_NONBLOCK = 1
GRND_RANDOM = 2
NGROUPS_MAX = 65536
O_ASYNC = 0o20000
O_DIRECT = 0o40000
O_LARGEFILE = 0o0
O_NOATIME = 0o1000000
O_PATH = 0o10000000
O_RSYNC = 0o4010000
O_TMPFILE = 0o20200000
POSIX_FADV_DONTNEED = 4
POSIX_FADV_NOREUSE = 5
POSIX_FADV_NORMAL = 0
POSIX_FADV_RANDOM = 1
POSIX_FADV_SEQUENTIAL = 2
POSIX_FADV_WILLNEED = 3
PRIO_PGRP = 1
PRIO_PROCESS = 0
PRIO_USER = 2
P_ALL = 0
P_PGID = 2
P_PID = 1
RTLD_DEEPBIND = 8
RTLD_GLOBAL = 256
RTLD_LAZY = 1
RTLD_LOCAL = 0
RTLD_NODELETE = 4096
RTLD_NOLOAD = 4
RTLD_NOW = 2
SCHED_BATCH = 3
SCHED_FIFO = 1
SCHED_IDLE = 5
SCHED_OTHER = 0
SCHED_RESET_ON_FORK = 1073741824
SCHED_RR = 2
SEEK_DATA = 3
SEEK_HOLE = 4
ST_APPEND = 256
ST_MANDLOCK = 64
ST_NOATIME = 1024
ST_NODEV = 4
ST_NODIRATIME = 2048
ST_NOEXEC = 8
ST_NOSUID = 2
ST_RDONLY = 1
ST_RELATIME = 4096
ST_SYNCHRONOUS = 16
ST_WRITE = 128
TMP_MAX = 238328
WCONTINUED = 8
WEXITED = 4
WNOWAIT = 16777216
WSTOPPED = 2
XATTR_CREATE = 1
XATTR_REPLACE = 2
XATTR_SIZE_MAX = 65536

_have_functions = []


class _StructSeq(tuple):
    """A tuple with named fields, as CPython's structseq types."""

    _fields = ()
    _extra_fields = ()
    # (hidden field, visible field) pairs: the hidden one defaults to it.
    _defaults = ()

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(cls._fields)
        total = n + len(cls._extra_fields)
        if len(seq) < n:
            raise TypeError("%s.%s() takes an at least %d-sequence (%d-sequence given)"
                            % (cls.__module__, cls.__name__, n, len(seq)))
        if len(seq) > total:
            raise TypeError("%s.%s() takes an at most %d-sequence (%d-sequence given)"
                            % (cls.__module__, cls.__name__, total, len(seq)))
        self = tuple.__new__(cls, seq[:n])
        extra = list(seq[n:]) + [None] * (total - len(seq))
        if dict is not None:
            for i, name in enumerate(cls._extra_fields):
                if name in dict:
                    extra[i] = dict[name]
        for hidden, visible in cls._defaults:
            if extra[hidden] is None:
                extra[hidden] = seq[visible]
        self._extra = tuple(extra)
        return self

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, value) for name, value in zip(self._fields, self))
        return "%s.%s(%s)" % (self.__module__, type(self).__name__, fields)

    def __reduce__(self):
        return (type(self), (tuple(self), dict(zip(self._extra_fields, self._extra))))


def _structseq(name, fields, extra_fields=()):
    ns = {"_fields": tuple(fields), "_extra_fields": tuple(extra_fields), "__module__": "os",
          "n_sequence_fields": len(fields), "n_fields": len(fields) + len(extra_fields),
          "n_unnamed_fields": 0}
    for i, field in enumerate(fields):
        ns[field] = property(lambda self, i=i: self[i])
    for i, field in enumerate(extra_fields):
        ns[field] = property(lambda self, i=i: self._extra[i])
    return type(name, (_StructSeq,), ns)


stat_result = _structseq(
    "stat_result",
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"),
    ("st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
     "st_blksize", "st_blocks", "st_rdev"))
# The integer times sit at indices 7 to 9 without names.
stat_result._fields = stat_result._fields + ("st_atime", "st_mtime", "st_ctime")
stat_result.n_sequence_fields = 10
stat_result.n_unnamed_fields = 3
stat_result.n_fields = 19
stat_result._defaults = ((0, 7), (1, 8), (2, 9))

terminal_size = _structseq("terminal_size", ("columns", "lines"))
uname_result = _structseq("uname_result", ("sysname", "nodename", "release", "version", "machine"))
times_result = _structseq("times_result",
                          ("user", "system", "children_user", "children_system", "elapsed"))
del _structseq


def _stat_result_of(raw):
    (mode, ino, dev, nlink, uid, gid, size, atime, atime_ns, mtime, mtime_ns,
     ctime, ctime_ns, blksize, blocks, rdev) = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime,
                        atime + atime_ns * 1e-9, mtime + mtime_ns * 1e-9, ctime + ctime_ns * 1e-9,
                        atime * 1000000000 + atime_ns, mtime * 1000000000 + mtime_ns,
                        ctime * 1000000000 + ctime_ns, blksize, blocks, rdev))


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


def _path(path):
    if isinstance(path, int):
        return path
    return fspath(path)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _stat_result_of(_stat(_path(path), follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _stat_result_of(_stat(fspath(path), False))


def fstat(fd):
    return _stat_result_of(_stat(fd, True))


def listdir(path=None):
    if path is None:
        path = "."
    return _listdir(fspath(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _mkdir(fspath(path), mode)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _access(fspath(path), mode)


def open(path, flags, mode=0o777, *, dir_fd=None):
    return _open(fspath(path), flags, mode)


def _time_ns(t):
    # CPython's _PyTime_DoubleToDenominator with ROUND_FLOOR: the whole
    # seconds and the fraction are converted apart.
    if isinstance(t, int):
        return t * 1000000000
    import math
    frac, whole = math.modf(t)
    frac = math.floor(frac * 1e9)
    if frac >= 1e9:
        frac -= 1e9
        whole += 1.0
    elif frac < 0:
        frac += 1e9
        whole -= 1.0
    return int(whole) * 1000000000 + int(frac)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        ns = (_time_ns(times[0]), _time_ns(times[1]))
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
    else:
        ns = (None, None)
    _utime(fspath(path), ns[0], ns[1])


def getuid():
    return _ids()[0]


geteuid = getuid


def getgid():
    return _ids()[1]


getegid = getgid


def uname():
    return uname_result(_uname())


def times():
    return times_result(_times())


def get_terminal_size(fd=1):
    if not isatty(fd):
        raise OSError(25, strerror(25))
    return terminal_size((80, 24))


def device_encoding(fd):
    return "utf-8" if isatty(fd) else None


def WIFEXITED(status):
    return status & 0x7f == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return (status & 0x7f) != 0 and (status & 0x7f) != 0x7f


def WTERMSIG(status):
    return status & 0x7f


def WIFSTOPPED(status):
    return status & 0xff == 0x7f


def WSTOPSIG(status):
    return (status >> 8) & 0xff


def WCOREDUMP(status):
    return status & 0x80 != 0


def WIFCONTINUED(status):
    return status == 0xffff


class DirEntry:
    """An entry that `scandir` yields: the name, the kind the directory
    listing gave, and `stat()` on demand."""

    def __init__(self, directory, name, kind, inode):
        self.name = name
        if isinstance(directory, bytes):
            sep = b"/"
        else:
            sep = "/"
        if directory.endswith(sep):
            self.path = directory + name
        else:
            self.path = directory + sep + name
        self._kind = kind
        self._inode = inode
        self._stat = None
        self._lstat = None

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._kind == "?":
            return self._stat_mode(False) & 0o170000 == 0o120000
        return self._kind == "l"

    def _stat_mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        if self._kind == "?" or (self._kind == "l" and follow_symlinks):
            return self._stat_mode(follow_symlinks) & 0o170000 == 0o040000
        return self._kind == "d"

    def is_file(self, *, follow_symlinks=True):
        if self._kind == "?" or (self._kind == "l" and follow_symlinks):
            return self._stat_mode(follow_symlinks) & 0o170000 == 0o100000
        return self._kind == "f"

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class ScandirIterator:
    def __init__(self, path):
        self._path = path
        self._entries = iter(_scandir_entries(path))

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None:
            raise StopIteration
        name, kind, inode = next(self._entries)
        return DirEntry(self._path, name, kind, inode)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    if path is None:
        path = "."
    return ScandirIterator(fspath(path))


environ = _environ()
del _environ


def waitpid(pid, options):
    # tachyon starts no child processes, so there is never one to wait for.
    raise ChildProcessError(10, strerror(10))




def _fileno(fd):
    """A descriptor: an int, or an object's fileno() (as CPython accepts)."""
    if isinstance(fd, int):
        return fd
    fileno = getattr(type(fd), "fileno", None)
    if fileno is None:
        raise TypeError("argument must be an int, or have a fileno() method.")
    return fileno(fd)


_fsync = fsync
_fdatasync = fdatasync


def fsync(fd):
    return _fsync(_fileno(fd))


def fdatasync(fd):
    return _fdatasync(_fileno(fd))


def system(command):
    return _system(command)


def _read_text(path):
    import io
    with io.open(path) as f:
        return f.read()


def getloadavg():
    try:
        fields = _read_text("/proc/loadavg").split()
        return (float(fields[0]), float(fields[1]), float(fields[2]))
    except (OSError, IndexError, ValueError):
        raise OSError("Load averages are unobtainable") from None


def _proc_stat_field(pid, index):
    """Field `index` after the command name of /proc/PID/stat (0: self)."""
    where = "/proc/self/stat" if pid == 0 else "/proc/%d/stat" % pid
    try:
        text = _read_text(where)
    except OSError:
        raise ProcessLookupError(3, strerror(3)) from None
    return int(text.rsplit(")", 1)[1].split()[index])


def getpgid(pid):
    return _proc_stat_field(pid, 2)


def getpgrp():
    return getpgid(0)


def getsid(pid):
    return _proc_stat_field(pid, 3)


def sched_getaffinity(pid):
    """The CPUs `pid` may run on (0: this process), from /proc."""
    where = "/proc/self/status" if pid == 0 else "/proc/%d/status" % pid
    try:
        lines = _read_text(where).splitlines()
    except OSError:
        raise ProcessLookupError(3, strerror(3)) from None
    for line in lines:
        if line.startswith("Cpus_allowed_list:"):
            cpus = set()
            for part in line.split(":", 1)[1].strip().split(","):
                low, _, high = part.partition("-")
                cpus.update(range(int(low), int(high or low) + 1))
            return cpus
    return set(range(cpu_count() or 1))


def sched_yield():
    return None


def major(device):
    return ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)


def minor(device):
    return (device & 0xFF) | ((device >> 12) & ~0xFF)


def makedev(major, minor):
    return (((major & 0xFFF) << 8) | ((major & ~0xFFF) << 32)
            | (minor & 0xFF) | ((minor & ~0xFF) << 12))


def getrandom(size, flags=0):
    if size < 0:
        raise ValueError("negative argument not allowed")
    return urandom(size)


def ctermid():
    return "/dev/tty"


def closerange(fd_low, fd_high):
    for fd in range(fd_low, fd_high):
        try:
            close(fd)
        except OSError:
            pass


def abort():
    kill(getpid(), 6)
