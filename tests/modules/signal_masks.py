# _signal's masks and waits as CPython: pthread_sigmask, sigpending,
# sigwait, sigtimedwait/sigwaitinfo and struct_siginfo, pthread_kill to
# this thread, strsignal, valid_signals, siginterrupt, set_wakeup_fd.
import _signal
import os
import signal
import threading
from _support.outcome import show


print([(i, signal.strsignal(i)) for i in (1, 2, 9, 15, 16, 17, 20, 31, 32, 33, 34, 64)])
show("strsignal(0)", lambda: signal.strsignal(0))
show("strsignal(65)", lambda: signal.strsignal(65))
print(len(signal.valid_signals()), min(signal.valid_signals()), max(signal.valid_signals()))
print(signal.siginterrupt(signal.SIGUSR1, True), _signal.set_wakeup_fd(-1))

old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print(sorted(old), type(_signal.pthread_sigmask(signal.SIG_BLOCK, [])))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending(), sorted(_signal.sigpending()))
print(signal.sigwait([signal.SIGUSR1]))
print(signal.sigpending())
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigwaitinfo([signal.SIGUSR2])
print(type(info).__name__, info.si_signo, info.si_code, info.si_pid == os.getpid(),
      info.si_uid == os.getuid(), len(info))
print(signal.sigtimedwait([signal.SIGUSR1], 0.01), signal.sigtimedwait([signal.SIGUSR1], 0))
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 1)
print(info.si_signo, info[0], signal.struct_siginfo.n_fields)

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print("blocked:", got)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("unblocked:", got)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("pthread_kill:", got)
signal.pthread_kill(threading.get_ident(), 0)
signal.pthread_sigmask(signal.SIG_SETMASK, [])
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))

for label, f in [
    ("bad how", lambda: signal.pthread_sigmask(5, [])),
    ("signal 0", lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0])),
    ("signal 65", lambda: _signal.pthread_sigmask(signal.SIG_BLOCK, [65])),
    ("str signal", lambda: _signal.pthread_sigmask(signal.SIG_BLOCK, ["a"])),
    ("int mask", lambda: _signal.pthread_sigmask(signal.SIG_BLOCK, 1)),
    ("negative timeout", lambda: signal.sigtimedwait([], -1)),
    ("sigwait int", lambda: signal.sigwait(3)),
]:
    show(label, f)
