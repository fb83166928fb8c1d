# `resource`: process resource usage and limits over posix's
# `_getrusage` and `_prlimit` (posix_calls.rs).

import posix as _posix

error = OSError

RLIMIT_CPU = 0
RLIMIT_FSIZE = 1
RLIMIT_DATA = 2
RLIMIT_STACK = 3
RLIMIT_CORE = 4
RLIMIT_RSS = 5
RLIMIT_NPROC = 6
RLIMIT_NOFILE = 7
RLIMIT_OFILE = 7
RLIMIT_MEMLOCK = 8
RLIMIT_AS = 9
RLIMIT_SIGPENDING = 11
RLIMIT_MSGQUEUE = 12
RLIMIT_NICE = 13
RLIMIT_RTPRIO = 14
RLIMIT_RTTIME = 15
RLIM_INFINITY = -1
RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_THREAD = 1

_FIELDS = ("ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
           "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
           "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")


class struct_rusage(tuple):
    n_sequence_fields = n_fields = 16
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence (%d-sequence given)"
                            % len(seq))
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return "resource.struct_rusage(%s)" % ", ".join(
            "%s=%r" % pair for pair in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_rusage, (tuple(self), {}))


for _i, _name in enumerate(_FIELDS):
    setattr(struct_rusage, _name, property(lambda self, i=_i: self[i]))
del _i, _name
struct_rusage.__module__ = "resource"


def getrusage(who):
    return struct_rusage(_posix._getrusage(who))


def _limits(limits):
    try:
        soft, hard = limits
    except (TypeError, ValueError):
        raise ValueError("expected a tuple of 2 integers") from None
    return int(soft), int(hard)


def _prlimit(pid, resource, limits):
    if not 0 <= resource < 16:
        raise ValueError("invalid resource specified")
    try:
        return _posix._prlimit(pid, resource, limits)
    except OSError as e:
        if e.errno == 22:
            raise ValueError("current limit exceeds maximum limit") from None
        if e.errno == 1:
            raise ValueError("not allowed to raise maximum limit") from None
        raise


def getrlimit(resource):
    return _prlimit(0, resource, None)


def setrlimit(resource, limits):
    _prlimit(0, resource, _limits(limits))


def prlimit(pid, resource, limits=None):
    return _prlimit(pid, resource, None if limits is None else _limits(limits))


def getpagesize():
    return _posix.sysconf("SC_PAGESIZE")
