# After `x = None; gc.collect()` nothing the program can no longer reach
# stays alive: not the temporaries of a finished call at module level or in
# a function, nor those of an enclosing call waiting for gc.collect().
import gc
import weakref


class O:
    def m(self):
        return self

    def n(self):
        return 1


def check(label, r):
    gc.collect()
    print(label, r() is None)


o = O()
r = weakref.ref(o)
print(o.n())
o = None
gc.collect()
print("method call", r() is None)

o = O()
r = weakref.ref(o)
print(len([o, o]), len({"k": o}))
o = None
gc.collect()
print("built container", r() is None)

o = O()
r = weakref.ref(o)
o.m().m()
o = None
gc.collect()
print("chained calls", r() is None)

o = O()
r = weakref.ref(o)
o = None
check("collect in a callee", r)


def f():
    o = O()
    r = weakref.ref(o)
    print(o.n(), str(o.m()) != "", [o][0] is o)
    o = None
    gc.collect()
    print("in a function", r() is None)
    keep = O()
    rk = weakref.ref(keep)
    gc.collect()
    print("a live local stays", rk() is keep)


f()
for i in range(3):
    o = O()
    r = weakref.ref(o)
    print(i, o.n())
    o = None
    gc.collect()
    print("in a loop", r() is None)
result = [weakref.ref(O()) for _ in range(2)]
gc.collect()
print("comprehension", [w() for w in result])
