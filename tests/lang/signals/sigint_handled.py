# SIGINT with Python handlers: a handler that records, one that raises,
# KeyboardInterrupt caught, SIG_IGN, and restoring the default. Uses the
# modules `os` and `signal` wrap (fast to import under GC stress).
import posix as os
import _signal as signal

received = []


def record(signum, frame):
    received.append(signum)


old = signal.signal(signal.SIGINT, record)
print(old is signal.default_int_handler)
os.kill(os.getpid(), signal.SIGINT)
print("received", received)


class Interrupted(Exception):
    pass


def raiser(signum, frame):
    raise Interrupted("signal %d" % signum)


signal.signal(signal.SIGINT, raiser)
try:
    for i in range(10):
        if i == 3:
            os.kill(os.getpid(), signal.SIGINT)
    print("loop finished")
except Interrupted as e:
    print("Interrupted:", e, "at i =", i)

signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

signal.signal(signal.SIGINT, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGINT)
print("ignored")
print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)

signal.signal(signal.SIGINT, record)
signal.raise_signal(signal.SIGINT)
print("received", received)

try:
    signal.signal(signal.SIGKILL, record)
except OSError as e:
    print("OSError", e)
try:
    signal.signal(signal.SIGINT, 42)
except TypeError as e:
    print("TypeError", e)
try:
    signal.signal(0, record)
except ValueError as e:
    print("ValueError", e)


def in_loop():
    n = 0
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while True:
            n += 1
            if n == 1000:
                os.kill(os.getpid(), signal.SIGINT)
    except KeyboardInterrupt:
        print("stopped at", n)


in_loop()
