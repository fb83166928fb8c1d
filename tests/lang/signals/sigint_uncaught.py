# Ctrl-C (SIGINT) sent to ourselves: the default handler raises
# KeyboardInterrupt where the program is; uncaught, it prints the traceback
# and the process dies of SIGINT, as CPython does. (`_signal` is what the
# `signal` module wraps; importing `signal` itself, with its enums, would
# make this test slow under GC stress.)
import os
import _signal as signal


def work():
    print("before")
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")


print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
work()
