# atexit handlers run after the program, last registered first; errors in
# them are reported and the others still run.
import atexit


def show(*args, **kwargs):
    print("exit handler", args, sorted(kwargs.items()))


def bad():
    raise ValueError("boom in handler")


def never():
    print("unregistered handler ran")


atexit.register(show, 1)
atexit.register(bad)
atexit.register(never)
atexit.register(show, 2, key="v")
print(atexit.register(never) is never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("decorated handler")


try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
print("end of program")
