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
statvfs_result = _structseq(
    "statvfs_result",
    ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
     "f_flag", "f_namemax"), ("f_fsid",))
times_result = _structseq("times_result",
                          ("user", "system", "children_user", "children_system", "elapsed"))
waitid_result = _structseq("waitid_result",
                           ("si_pid", "si_uid", "si_signo", "si_status", "si_code"))
waitid_result.__module__ = "posix"
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


# ---- processes (the system calls are in posix_process.rs)

_at_fork = {"before": [], "after_in_child": [], "after_in_parent": []}


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    given = {"before": before, "after_in_child": after_in_child,
             "after_in_parent": after_in_parent}
    if all(f is None for f in given.values()):
        raise TypeError("At least one argument is required.")
    for name, f in given.items():
        if f is not None and not callable(f):
            raise TypeError("'%s' must be callable, not %s" % (name, type(f).__name__))
    for name, f in given.items():
        if f is not None:
            _at_fork[name].append(f)


def _run_hooks(hooks):
    for f in hooks:
        try:
            f()
        except BaseException:
            import sys
            sys.excepthook(*sys.exc_info())


def fork():
    _run_hooks(reversed(_at_fork["before"]))
    pid = _fork()
    _run_hooks(_at_fork["after_in_child"] if pid == 0 else _at_fork["after_in_parent"])
    return pid


def _exec_args(func, argv, prefix):
    if not isinstance(argv, (tuple, list)):
        raise TypeError(prefix + " must be a tuple or list")
    if not argv:
        raise ValueError(prefix + " must not be empty")
    argv = [_fsencode(a) for a in argv]
    if not argv[0]:
        raise ValueError(prefix + " first element cannot be empty")
    return argv


def execv(path, argv):
    argv = _exec_args("execv", argv, "execv() arg 2")
    _execve(_fsencode(path), argv, None)


def execve(path, argv, env):
    argv = _exec_args("execve", argv, "execve: argv")
    _execve(_fsencode(path), argv, _env_pairs(env, "execve"))


def _env_pairs(env, name):
    """A mapping as the b"KEY=value" list exec takes."""
    if not hasattr(type(env), "keys"):
        raise TypeError("%s: environment must be a mapping object" % name)
    pairs = []
    for key, value in env.items():
        key, value = _fsencode(key), _fsencode(value)
        if not key or b"=" in key:
            raise ValueError("illegal environment variable name")
        pairs.append(key + b"=" + value)
    return pairs


def waitpid(pid, options):
    return _waitpid(pid, options)


def wait():
    return _waitpid(-1, 0)


def _fsencode(name):
    name = fspath(name)
    if isinstance(name, str):
        return name.encode("utf-8", "surrogateescape")
    return name


def _conf_name(name, table):
    if isinstance(name, int):
        return name
    if isinstance(name, str):
        try:
            return table[name]
        except KeyError:
            raise ValueError("unrecognized configuration name") from None
    raise TypeError("configuration names must be strings or integers")


def sysconf(name):
    return _sysconf(_conf_name(name, sysconf_names))


def confstr(name):
    return _confstr(_conf_name(name, confstr_names))


def pathconf(path, name):
    return _on_path(_pathconf, path, _conf_name(name, pathconf_names))


def fpathconf(fd, name):
    return _pathconf(_fileno(fd), _conf_name(name, pathconf_names))


def _on_path(call, path, *args):
    """`call` with `path` encoded (or a descriptor); OSErrors name the path."""
    if isinstance(path, int):
        return call(path, *args)
    try:
        return call(_fsencode(path), *args)
    except OSError as e:
        raise type(e)(e.errno, e.strerror, path) from None


def statvfs(path):
    fields = _on_path(_statvfs, path)
    return statvfs_result(fields[:10], {"f_fsid": fields[10]})


def fstatvfs(fd):
    return statvfs(_fileno(fd))


def nice(increment):
    value = _id_call("getpriority", PRIO_PROCESS, 0) + increment
    _id_call("setpriority", PRIO_PROCESS, 0, value)
    return _id_call("getpriority", PRIO_PROCESS, 0)


def getpriority(which, who):
    return _id_call("getpriority", which, who)


def setpriority(which, who, priority):
    _id_call("setpriority", which, who, priority)


def setsid():
    _id_call("setsid")


def setpgid(pid, pgrp):
    _id_call("setpgid", pid, pgrp)


def setpgrp():
    _id_call("setpgid", 0, 0)


def killpg(pgid, signal):
    _id_call("killpg", pgid, signal)


def sync():
    _id_call("sync")


def _set_id(name, count):
    def call(*ids):
        if len(ids) != count:
            raise TypeError("%s expected %d arguments, got %d" % (name, count, len(ids)))
        for i in ids:
            if not isinstance(i, int):
                raise TypeError("uid should be integer, not " + type(i).__name__)
        _id_call(name, *ids)
    call.__name__ = call.__qualname__ = name
    return call


setuid, setgid, seteuid, setegid = [_set_id(n, 1) for n in ("setuid", "setgid", "seteuid", "setegid")]
setreuid, setregid = _set_id("setreuid", 2), _set_id("setregid", 2)
del _set_id


def getresuid():
    return _getres(False)


def getresgid():
    return _getres(True)


def get_inheritable(fd):
    return _fd_flag(fd, 0, None)


def set_inheritable(fd, inheritable):
    _fd_flag(fd, 0, inheritable)


def get_blocking(fd):
    return _fd_flag(fd, 1, None)


def set_blocking(fd, blocking):
    _fd_flag(fd, 1, blocking)


sysconf_names = {'SC_ARG_MAX': 0, 'SC_CHILD_MAX': 1, 'SC_CLK_TCK': 2, 'SC_NGROUPS_MAX': 3,
    'SC_OPEN_MAX': 4, 'SC_STREAM_MAX': 5, 'SC_TZNAME_MAX': 6, 'SC_JOB_CONTROL': 7,
    'SC_SAVED_IDS': 8, 'SC_REALTIME_SIGNALS': 9, 'SC_PRIORITY_SCHEDULING': 10, 'SC_TIMERS': 11,
    'SC_ASYNCHRONOUS_IO': 12, 'SC_PRIORITIZED_IO': 13, 'SC_SYNCHRONIZED_IO': 14, 'SC_FSYNC':
    15, 'SC_MAPPED_FILES': 16, 'SC_MEMLOCK': 17, 'SC_MEMLOCK_RANGE': 18,
    'SC_MEMORY_PROTECTION': 19, 'SC_MESSAGE_PASSING': 20, 'SC_SEMAPHORES': 21,
    'SC_SHARED_MEMORY_OBJECTS': 22, 'SC_AIO_LISTIO_MAX': 23, 'SC_AIO_MAX': 24,
    'SC_AIO_PRIO_DELTA_MAX': 25, 'SC_DELAYTIMER_MAX': 26, 'SC_MQ_OPEN_MAX': 27,
    'SC_MQ_PRIO_MAX': 28, 'SC_VERSION': 29, 'SC_PAGESIZE': 30, 'SC_PAGE_SIZE': 30,
    'SC_RTSIG_MAX': 31, 'SC_SEM_NSEMS_MAX': 32, 'SC_SEM_VALUE_MAX': 33, 'SC_SIGQUEUE_MAX': 34,
    'SC_TIMER_MAX': 35, 'SC_BC_BASE_MAX': 36, 'SC_BC_DIM_MAX': 37, 'SC_BC_SCALE_MAX': 38,
    'SC_BC_STRING_MAX': 39, 'SC_COLL_WEIGHTS_MAX': 40, 'SC_EQUIV_CLASS_MAX': 41,
    'SC_EXPR_NEST_MAX': 42, 'SC_LINE_MAX': 43, 'SC_RE_DUP_MAX': 44, 'SC_CHARCLASS_NAME_MAX':
    45, 'SC_2_VERSION': 46, 'SC_2_C_BIND': 47, 'SC_2_C_DEV': 48, 'SC_2_FORT_DEV': 49,
    'SC_2_FORT_RUN': 50, 'SC_2_SW_DEV': 51, 'SC_2_LOCALEDEF': 52, 'SC_PII': 53, 'SC_PII_XTI':
    54, 'SC_PII_SOCKET': 55, 'SC_PII_INTERNET': 56, 'SC_PII_OSI': 57, 'SC_POLL': 58,
    'SC_SELECT': 59, 'SC_IOV_MAX': 60, 'SC_UIO_MAXIOV': 60, 'SC_PII_INTERNET_STREAM': 61,
    'SC_PII_INTERNET_DGRAM': 62, 'SC_PII_OSI_COTS': 63, 'SC_PII_OSI_CLTS': 64, 'SC_PII_OSI_M':
    65, 'SC_T_IOV_MAX': 66, 'SC_THREADS': 67, 'SC_THREAD_SAFE_FUNCTIONS': 68,
    'SC_GETGR_R_SIZE_MAX': 69, 'SC_GETPW_R_SIZE_MAX': 70, 'SC_LOGIN_NAME_MAX': 71,
    'SC_TTY_NAME_MAX': 72, 'SC_THREAD_DESTRUCTOR_ITERATIONS': 73, 'SC_THREAD_KEYS_MAX': 74,
    'SC_THREAD_STACK_MIN': 75, 'SC_THREAD_THREADS_MAX': 76, 'SC_THREAD_ATTR_STACKADDR': 77,
    'SC_THREAD_ATTR_STACKSIZE': 78, 'SC_THREAD_PRIORITY_SCHEDULING': 79,
    'SC_THREAD_PRIO_INHERIT': 80, 'SC_THREAD_PRIO_PROTECT': 81, 'SC_THREAD_PROCESS_SHARED': 82,
    'SC_NPROCESSORS_CONF': 83, 'SC_NPROCESSORS_ONLN': 84, 'SC_PHYS_PAGES': 85,
    'SC_AVPHYS_PAGES': 86, 'SC_ATEXIT_MAX': 87, 'SC_PASS_MAX': 88, 'SC_XOPEN_VERSION': 89,
    'SC_XOPEN_XCU_VERSION': 90, 'SC_XOPEN_UNIX': 91, 'SC_XOPEN_CRYPT': 92, 'SC_XOPEN_ENH_I18N':
    93, 'SC_XOPEN_SHM': 94, 'SC_2_CHAR_TERM': 95, 'SC_2_C_VERSION': 96, 'SC_2_UPE': 97,
    'SC_XOPEN_XPG2': 98, 'SC_XOPEN_XPG3': 99, 'SC_XOPEN_XPG4': 100, 'SC_CHAR_BIT': 101,
    'SC_CHAR_MAX': 102, 'SC_CHAR_MIN': 103, 'SC_INT_MAX': 104, 'SC_INT_MIN': 105,
    'SC_LONG_BIT': 106, 'SC_WORD_BIT': 107, 'SC_MB_LEN_MAX': 108, 'SC_NZERO': 109,
    'SC_SSIZE_MAX': 110, 'SC_SCHAR_MAX': 111, 'SC_SCHAR_MIN': 112, 'SC_SHRT_MAX': 113,
    'SC_SHRT_MIN': 114, 'SC_UCHAR_MAX': 115, 'SC_UINT_MAX': 116, 'SC_ULONG_MAX': 117,
    'SC_USHRT_MAX': 118, 'SC_NL_ARGMAX': 119, 'SC_NL_LANGMAX': 120, 'SC_NL_MSGMAX': 121,
    'SC_NL_NMAX': 122, 'SC_NL_SETMAX': 123, 'SC_NL_TEXTMAX': 124, 'SC_XBS5_ILP32_OFF32': 125,
    'SC_XBS5_ILP32_OFFBIG': 126, 'SC_XBS5_LP64_OFF64': 127, 'SC_XBS5_LPBIG_OFFBIG': 128,
    'SC_XOPEN_LEGACY': 129, 'SC_XOPEN_REALTIME': 130, 'SC_XOPEN_REALTIME_THREADS': 131}
confstr_names = {'CS_PATH': 0, 'CS_GNU_LIBC_VERSION': 2, 'CS_GNU_LIBPTHREAD_VERSION': 3,
    'CS_LFS_CFLAGS': 1000, 'CS_LFS_LDFLAGS': 1001, 'CS_LFS_LIBS': 1002, 'CS_LFS_LINTFLAGS':
    1003, 'CS_LFS64_CFLAGS': 1004, 'CS_LFS64_LDFLAGS': 1005, 'CS_LFS64_LIBS': 1006,
    'CS_LFS64_LINTFLAGS': 1007, 'CS_XBS5_ILP32_OFF32_CFLAGS': 1100,
    'CS_XBS5_ILP32_OFF32_LDFLAGS': 1101, 'CS_XBS5_ILP32_OFF32_LIBS': 1102,
    'CS_XBS5_ILP32_OFF32_LINTFLAGS': 1103, 'CS_XBS5_ILP32_OFFBIG_CFLAGS': 1104,
    'CS_XBS5_ILP32_OFFBIG_LDFLAGS': 1105, 'CS_XBS5_ILP32_OFFBIG_LIBS': 1106,
    'CS_XBS5_ILP32_OFFBIG_LINTFLAGS': 1107, 'CS_XBS5_LP64_OFF64_CFLAGS': 1108,
    'CS_XBS5_LP64_OFF64_LDFLAGS': 1109, 'CS_XBS5_LP64_OFF64_LIBS': 1110,
    'CS_XBS5_LP64_OFF64_LINTFLAGS': 1111, 'CS_XBS5_LPBIG_OFFBIG_CFLAGS': 1112,
    'CS_XBS5_LPBIG_OFFBIG_LDFLAGS': 1113, 'CS_XBS5_LPBIG_OFFBIG_LIBS': 1114,
    'CS_XBS5_LPBIG_OFFBIG_LINTFLAGS': 1115}
pathconf_names = {'PC_LINK_MAX': 0, 'PC_MAX_CANON': 1, 'PC_MAX_INPUT': 2, 'PC_NAME_MAX': 3,
    'PC_PATH_MAX': 4, 'PC_PIPE_BUF': 5, 'PC_CHOWN_RESTRICTED': 6, 'PC_NO_TRUNC': 7,
    'PC_VDISABLE': 8, 'PC_SYNC_IO': 9, 'PC_ASYNC_IO': 10, 'PC_PRIO_IO': 11, 'PC_SOCK_MAXBUF':
    12, 'PC_FILESIZEBITS': 13, 'PC_REC_INCR_XFER_SIZE': 14, 'PC_REC_MAX_XFER_SIZE': 15,
    'PC_REC_MIN_XFER_SIZE': 16, 'PC_REC_XFER_ALIGN': 17, 'PC_ALLOC_SIZE_MIN': 18,
    'PC_SYMLINK_MAX': 19}
MFD_ALLOW_SEALING = 2
MFD_CLOEXEC = 1
MFD_HUGETLB = 4
MFD_HUGE_16GB = 2281701376
MFD_HUGE_16MB = 1610612736
MFD_HUGE_1GB = 2013265920
MFD_HUGE_1MB = 1342177280
MFD_HUGE_256MB = 1879048192
MFD_HUGE_2GB = 2080374784
MFD_HUGE_2MB = 1409286144
MFD_HUGE_32MB = 1677721600
MFD_HUGE_512KB = 1275068416
MFD_HUGE_512MB = 1946157056
MFD_HUGE_64KB = 1073741824
MFD_HUGE_8MB = 1543503872
MFD_HUGE_MASK = 63
MFD_HUGE_SHIFT = 26
POSIX_SPAWN_CLOSE = 1
POSIX_SPAWN_DUP2 = 2
POSIX_SPAWN_OPEN = 0
RWF_DSYNC = 2
RWF_HIPRI = 1
RWF_NOWAIT = 8
RWF_SYNC = 4




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


# ---- vector I/O, descriptors, scheduling, xattrs, ttys (posix_calls.rs)

def _buffers(buffers, name):
    try:
        return list(buffers)
    except TypeError:
        raise TypeError("%s() arg 2 must be a sequence" % name) from None


def _fill(buffers, data):
    at = 0
    for buf in buffers:
        if at >= len(data):
            break
        view = memoryview(buf).cast("B")
        chunk = data[at:at + len(view)]
        view[:len(chunk)] = chunk
        at += len(chunk)
    return len(data)


def readv(fd, buffers):
    buffers = _buffers(buffers, "readv")
    return _fill(buffers, _readv(_fileno(fd), [memoryview(b).nbytes for b in buffers], -1, 0))


def _bytes_like(b):
    try:
        return bytes(memoryview(b))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__) from None


def writev(fd, buffers):
    return _writev(_fileno(fd), [_bytes_like(b) for b in _buffers(buffers, "writev")], -1, 0)


def preadv(fd, buffers, offset, flags=0):
    buffers = _buffers(buffers, "preadv")
    return _fill(buffers, _readv(_fileno(fd), [memoryview(b).nbytes for b in buffers],
                                 offset, flags))


def pwritev(fd, buffers, offset, flags=0):
    return _writev(_fileno(fd), [_bytes_like(b) for b in _buffers(buffers, "pwritev")],
                   offset, flags)


def sendfile(out_fd, in_fd, offset, count):
    return _sendfile(out_fd, in_fd, offset, count)


def copy_file_range(src, dst, count, offset_src=None, offset_dst=None):
    if count < 0:
        raise ValueError("negative value for 'count' not allowed")
    return _copy_file_range(src, dst, count, offset_src, offset_dst)


def dup2(fd, fd2, inheritable=True):
    return _dup2(fd, fd2, inheritable)


def pipe2(flags):
    return _pipe2(flags)


def _dir_fd(dir_fd):
    return -100 if dir_fd is None else _fileno(dir_fd)


def mkfifo(path, mode=0o666, *, dir_fd=None):
    _mkfifo(_fsencode(path), mode, _dir_fd(dir_fd))


def mknod(path, mode=0o600, device=0, *, dir_fd=None):
    _mknod(_fsencode(path), mode, device, _dir_fd(dir_fd))


def _rusage(fields):
    import resource
    return resource.struct_rusage(fields)


def wait3(options):
    pid, status, usage = _wait4(-1, options)
    return pid, status, _rusage(usage)


def wait4(pid, options):
    pid, status, usage = _wait4(pid, options)
    return pid, status, _rusage(usage)


def waitid(idtype, id, options):
    fields = _waitid(idtype, id, options)
    return None if fields is None else waitid_result(fields)


class sched_param(tuple):
    n_sequence_fields = n_fields = 1
    n_unnamed_fields = 0

    def __new__(cls, sched_priority):
        return tuple.__new__(cls, (sched_priority,))

    @property
    def sched_priority(self):
        return self[0]

    def __repr__(self):
        return "posix.sched_param(sched_priority=%r)" % (self[0],)

    def __reduce__(self):
        return (sched_param, (self[0],))


def _priority(param):
    if not isinstance(param, sched_param):
        raise TypeError("must have a sched_param object")
    if not isinstance(param[0], int):
        raise TypeError("an integer is required (got type %s)" % type(param[0]).__name__)
    return param[0]


def sched_yield():
    _sched("yield")


def sched_get_priority_max(policy):
    return _sched("get_priority_max", policy)


def sched_get_priority_min(policy):
    return _sched("get_priority_min", policy)


def sched_getscheduler(pid):
    return _sched("getscheduler", pid)


def sched_setscheduler(pid, policy, param):
    _sched("setscheduler", pid, policy, _priority(param))


def sched_getparam(pid):
    return sched_param(_sched("getparam", pid))


def sched_setparam(pid, param):
    _sched("setparam", pid, _priority(param))


def sched_rr_get_interval(pid):
    return _sched("rr_get_interval", pid)


def sched_getaffinity(pid):
    return set(_sched_getaffinity(pid))


def sched_setaffinity(pid, mask):
    cpus = []
    for cpu in mask:
        if not isinstance(cpu, int):
            raise TypeError("expected an iterator of ints, but iterator yielded %s"
                            % type(cpu))
        if cpu < 0:
            raise ValueError("negative CPU number")
        if cpu > 0x7FFFFFFF:
            raise OverflowError("invalid CPU number")
        cpus.append(cpu)
    _sched_setaffinity(pid, cpus)


def _xattr_call(op, path, follow_symlinks, attribute=b"", value=b"", flags=0):
    target = path if isinstance(path, int) else _fsencode(path)
    if op != "list":
        attribute = _fsencode(attribute)
    try:
        return _xattr(op, target, follow_symlinks, attribute, value, flags)
    except OSError as e:
        raise type(e)(e.errno, e.strerror, path) from None


def getxattr(path, attribute, *, follow_symlinks=True):
    return _xattr_call("get", path, follow_symlinks, attribute)


def setxattr(path, attribute, value, flags=0, *, follow_symlinks=True):
    _xattr_call("set", path, follow_symlinks, attribute, value, flags)


def removexattr(path, attribute, *, follow_symlinks=True):
    _xattr_call("remove", path, follow_symlinks, attribute)


def listxattr(path=None, *, follow_symlinks=True):
    names = _xattr_call("list", "." if path is None else path, follow_symlinks)
    return [n.decode("utf-8", "surrogateescape") for n in names]


def openpty():
    return _openpty()


def forkpty():
    master, slave = _openpty()
    import sys
    if sys.stdout is not None:
        # The child's first write must not flush the parent's buffered
        # output onto the terminal.
        sys.stdout.flush()
    pid = fork()
    if pid == 0:
        close(master)
        _login_tty(slave)
        return 0, -1
    close(slave)
    return pid, master


def ttyname(fd):
    return _ttyname(fd).decode("utf-8", "surrogateescape")


def getlogin():
    return _getlogin().decode("utf-8", "surrogateescape")


def memfd_create(name, flags=MFD_CLOEXEC):
    return _memfd_create(_fsencode(name), flags)


def fchdir(fd):
    _int_call("fchdir", _fileno(fd))


def lockf(fd, command, length):
    _int_call("lockf", fd, command, length)


def posix_fadvise(fd, offset, length, advice):
    _int_call("posix_fadvise", fd, offset, length, advice)


def posix_fallocate(fd, offset, length):
    _int_call("posix_fallocate", fd, offset, length)


def tcgetpgrp(fd):
    return _int_call("tcgetpgrp", fd)


def tcsetpgrp(fd, pgid):
    _int_call("tcsetpgrp", fd, pgid)


def setresuid(ruid, euid, suid):
    _int_call("setresuid", ruid, euid, suid)


def setresgid(rgid, egid, sgid):
    _int_call("setresgid", rgid, egid, sgid)


def chroot(path):
    _on_path(lambda p: _path_call("chroot", p), path)


# ---- posix_spawn: fork, the child's setup in Python, exec; an exec
# failure comes back to the parent through a close-on-exec pipe, as
# glibc's posix_spawn reports it.

def _spawn_actions(file_actions):
    actions = []
    for action in file_actions or ():
        if not isinstance(action, tuple) or not action:
            raise TypeError("Each file_actions element must be a non-empty tuple")
        tag = action[0]
        if tag == POSIX_SPAWN_OPEN:
            if len(action) != 5:
                raise TypeError("A open file_action tuple must have 5 elements")
            actions.append((tag, action[1], _fsencode(action[2]), action[3], action[4]))
        elif tag == POSIX_SPAWN_CLOSE:
            if len(action) != 2:
                raise TypeError("A close file_action tuple must have 2 elements")
            actions.append(action)
        elif tag == POSIX_SPAWN_DUP2:
            if len(action) != 3:
                raise TypeError("A dup2 file_action tuple must have 3 elements")
            actions.append(action)
        else:
            raise TypeError("Unknown file_actions identifier")
    return actions


def _spawn(name, path, argv, env, file_actions, setpgroup, resetids, setsid,
           setsigmask, setsigdef, scheduler, search):
    argv = _exec_args(name, argv, name + ": argv")
    pairs = _env_pairs(env, name)
    actions = _spawn_actions(file_actions)
    if scheduler is not None and not (isinstance(scheduler, tuple) and len(scheduler) == 2):
        raise TypeError("%s: scheduler must be a tuple or None" % name)
    original, path = path, _fsencode(path)
    if search and b"/" not in path:
        dirs = [_fsencode(d) for d in environ.get(b"PATH", b"/bin:/usr/bin").split(b":")]
        candidates = [(d or b".") + b"/" + path for d in dirs]
    else:
        candidates = [path]
    read_end, write_end = _pipe2(O_CLOEXEC)
    pid = _fork()
    if pid == 0:
        error = 0
        try:
            close(read_end)
            for action in actions:
                if action[0] == POSIX_SPAWN_OPEN:
                    fd = _open(action[2], action[3], action[4])
                    if fd != action[1]:
                        _dup2(fd, action[1], True)
                        close(fd)
                elif action[0] == POSIX_SPAWN_CLOSE:
                    try:
                        close(action[1])
                    except OSError:
                        pass
                else:
                    _dup2(action[1], action[2], True)
            if setsid:
                _id_call("setsid")
            if setpgroup is not None:
                _id_call("setpgid", 0, setpgroup)
            if resetids:
                _id_call("setuid", getuid())
                _id_call("setgid", getgid())
            if setsigmask:
                import signal
                signal.pthread_sigmask(signal.SIG_SETMASK, setsigmask)
            if setsigdef:
                import signal
                for sig in setsigdef:
                    signal.signal(sig, signal.SIG_DFL)
            if scheduler is not None:
                policy, param = scheduler
                if policy is None:
                    sched_setparam(0, param)
                else:
                    sched_setscheduler(0, policy, param)
            for candidate in candidates:
                try:
                    _execve(candidate, argv, pairs)
                except OSError as e:
                    if error == 0 or e.errno not in (2, 20):
                        error = e.errno
        except OSError as e:
            error = e.errno or 1
        except BaseException:
            error = 1
        try:
            write(write_end, str(error).encode())
        finally:
            _exit(127)
    close(write_end)
    try:
        report = b""
        while True:
            chunk = read(read_end, 16)
            if not chunk:
                break
            report += chunk
    finally:
        close(read_end)
    if report:
        _waitpid(pid, 0)
        errno = int(report)
        raise OSError(errno, strerror(errno), original)
    return pid


def posix_spawn(path, argv, env, *, file_actions=None, setpgroup=None, resetids=False,
                setsid=False, setsigmask=(), setsigdef=(), scheduler=None):
    return _spawn("posix_spawn", path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler, False)


def posix_spawnp(path, argv, env, *, file_actions=None, setpgroup=None, resetids=False,
                 setsid=False, setsigmask=(), setsigdef=(), scheduler=None):
    return _spawn("posix_spawnp", path, argv, env, file_actions, setpgroup, resetids, setsid,
                  setsigmask, setsigdef, scheduler, True)
