# Weakref callbacks run when gc.collect() finds their targets dead (CPython
# runs them as soon as the last reference goes).
import gc
import weakref


class Big:
    def __init__(self, name):
        self.name = name


def callback(ref):
    print("died:", ref() is None, ref in refs)


refs = []


def f():
    y = Big("y")
    r = weakref.ref(y, callback)
    refs.append(r)
    del y
    gc.collect()
    print("after del in f", r() is None)


f()
kept = Big("kept")
rk = weakref.ref(kept, callback)
gc.collect()
print("kept alive", rk() is kept)


class Failing:
    def __call__(self, ref):
        raise ValueError("callback failed")

    def __repr__(self):
        return "<Failing callback>"


failing = Failing()


class Holder:
    pass


h = Holder()
h.r = weakref.ref(Big("temp"), failing)
gc.collect()
print("after failing callback", h.r() is None)
fin = weakref.finalize(Big("finalized"), print, "finalizer ran")
gc.collect()
print("finalize alive", fin.alive)
