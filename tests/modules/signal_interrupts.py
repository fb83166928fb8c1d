# A caught signal interrupts a blocking read or sleep: the handler runs
# at once and the call goes on (PEP 475), or stops with the handler's
# exception. Text files read what a pipe has (read1), not a whole buffer.
import io
import os
import signal
import time

r, w = os.pipe()


def write_bar(sig, frame):
    print("handler", sig == signal.SIGALRM)
    os.write(w, b"bar")


signal.signal(signal.SIGALRM, write_bar)
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(os.read(r, 6))
print(os.read(r, 6))

f = io.open(r, "rb", closefd=False)
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(f.read(6))

t = io.open(r, "r", closefd=False)
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(t.read(6))

os.write(w, b"one\ntwo")
print(t.readline())


def interrupt(sig, frame):
    raise KeyboardInterrupt("from the handler")


signal.signal(signal.SIGALRM, interrupt)
start = time.monotonic()
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    time.sleep(30)
except KeyboardInterrupt as e:
    print("sleep interrupted:", e, time.monotonic() - start < 10)

signal.signal(signal.SIGALRM, lambda *a: print("tick"))
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print("slept through", time.monotonic() - start >= 0.19)
