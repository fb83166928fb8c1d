# signal.alarm, setitimer/getitimer and pause: handlers run between
# bytecodes and when pause() returns; errors as CPython's.
import signal
import time

heard = []


def handler(signum, frame):
    heard.append(signal.Signals(signum).name)


signal.signal(signal.SIGALRM, handler)
print(signal.alarm(0))
print(signal.alarm(5), signal.alarm(0) in (4, 5))

signal.setitimer(signal.ITIMER_REAL, 0.05)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 0.05, interval)
signal.pause()
print(heard)

# A handler runs in the middle of a busy loop.
signal.setitimer(signal.ITIMER_REAL, 0.02)
deadline = time.monotonic() + 5
n = 0
while not heard[1:] and time.monotonic() < deadline:
    n += 1
print(heard, n > 0)

# A periodic timer, stopped after three ticks (on a loaded machine a
# fourth may come before it is stopped).
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while len(heard) < 5:
    signal.pause()
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(len(heard) in (5, 6), old[1] == 0.01, signal.getitimer(signal.ITIMER_REAL))

# An exception raised by a handler comes out of pause().


def boom(signum, frame):
    raise RuntimeError("alarm %d" % signum)


signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.01)
try:
    signal.pause()
except RuntimeError as e:
    print("RuntimeError", e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)

print(signal.getitimer(signal.ITIMER_VIRTUAL), signal.getitimer(signal.ITIMER_PROF))
signal.setitimer(signal.ITIMER_VIRTUAL, 100)
print(99 < signal.getitimer(signal.ITIMER_VIRTUAL)[0] <= 101)
signal.setitimer(signal.ITIMER_VIRTUAL, 0)
for call in [lambda: signal.alarm(1.5), lambda: signal.alarm("x"),
             lambda: signal.setitimer(0, "x"), lambda: signal.setitimer(99, 1),
             lambda: signal.getitimer(99), lambda: signal.setitimer(0, -1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError))
print(signal.alarm(-1), signal.alarm(0))
print(issubclass(signal.ItimerError, OSError))
