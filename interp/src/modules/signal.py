# `_signal`: the signal numbers of Linux; handlers are installed and run by
# the VM (`vm::signals`, the `_tachyon_signal` module).

SIG_DFL = 0
SIG_IGN = 1
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
NSIG = 65
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2
SIGHUP = 1
SIGINT = 2
SIGQUIT = 3
SIGILL = 4
SIGTRAP = 5
SIGABRT = 6
SIGIOT = 6
SIGBUS = 7
SIGFPE = 8
SIGKILL = 9
SIGUSR1 = 10
SIGSEGV = 11
SIGUSR2 = 12
SIGPIPE = 13
SIGALRM = 14
SIGTERM = 15
SIGCHLD = 17
SIGCLD = 17
SIGCONT = 18
SIGSTOP = 19
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGXCPU = 24
SIGXFSZ = 25
SIGVTALRM = 26
SIGPROF = 27
SIGWINCH = 28
SIGIO = 29
SIGPOLL = 29
SIGPWR = 30
SIGSYS = 31
SIGRTMIN = 34
SIGRTMAX = 64


class ItimerError(OSError):
    pass


from _tachyon_signal import default_int_handler, getsignal, raise_signal, signal
from _tachyon_itimer import alarm, getitimer, pause, setitimer
from _tachyon_signal_mask import pthread_sigmask, sigpending, sigwait
from _tachyon_signal_mask import _sigtimedwait, _raise_here, _strsignal


_NAMES = {}


def _c_int(v):
    """A C int argument (the `i` format), with its errors."""
    if isinstance(v, float):
        raise TypeError("integer argument expected, got float")
    if isinstance(v, complex):
        raise TypeError("can't convert complex to int")
    if not isinstance(v, int):
        raise TypeError("an integer is required (got type %s)" % type(v).__name__)
    return int(v)


def _check_signum(signalnum):
    signalnum = _c_int(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def strsignal(signalnum):
    return _strsignal(_check_signum(signalnum))


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, SIGRTMAX + 1))


def siginterrupt(signalnum, flag):
    _check_signum(signalnum)
    _c_int(flag)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


class struct_siginfo(tuple):
    """The struct_siginfo of sigwaitinfo and sigtimedwait."""

    __module__ = "signal"
    n_fields = n_sequence_fields = 7
    n_unnamed_fields = 0
    _fields = ("si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band")

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) != 7:
            raise TypeError("signal.struct_siginfo() takes a 7-sequence (%d-sequence given)"
                            % len(seq))
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return "signal.struct_siginfo(%s)" % ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self))

    def __reduce__(self):
        return (type(self), (tuple(self),))


for _i, _name in enumerate(struct_siginfo._fields):
    setattr(struct_siginfo, _name, property(lambda self, i=_i: self[i]))
del _i, _name


def sigwaitinfo(sigset):
    return struct_siginfo(_sigtimedwait(sigset, None))


def sigtimedwait(sigset, timeout):
    if not isinstance(timeout, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(timeout).__name__)
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    info = _sigtimedwait(sigset, float(timeout))
    return None if info is None else struct_siginfo(info)


def pthread_kill(thread_id, signalnum):
    import _thread
    if thread_id != _thread.get_ident():
        raise ProcessLookupError(3, "No such process")
    _raise_here(signalnum.__index__())
