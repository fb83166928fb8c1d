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


_NAMES = {}


def _check_signum(signalnum):
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def strsignal(signalnum):
    _check_signum(signalnum)
    texts = {1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction",
             5: "Trace/breakpoint trap", 6: "Aborted", 7: "Bus error",
             8: "Floating point exception", 9: "Killed", 10: "User defined signal 1",
             11: "Segmentation fault", 12: "User defined signal 2", 13: "Broken pipe",
             14: "Alarm clock", 15: "Terminated"}
    return texts.get(signalnum)


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, SIGRTMAX + 1))


def siginterrupt(signalnum, flag):
    _check_signum(signalnum)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1
