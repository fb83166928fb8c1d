# A value an expression statement computes and drops (a popped item, a
# call's result) is not kept alive by the interpreter: once collected, weak
# references to it are dead and their callbacks have run.
import gc
import weakref


class Obj:
    pass


def popped_from_list():
    z = [Obj()]
    r = weakref.ref(z[0])
    z.pop()
    gc.collect()
    print("list.pop:", r())


def popped_from_dict():
    d = {1: Obj()}
    r = weakref.ref(d[1], lambda w: print("callback ran"))
    d.popitem()
    gc.collect()
    print("dict.popitem:", r())


def discarded_call():
    made = []

    def make():
        o = Obj()
        made.append(weakref.ref(o))
        return o

    make()
    gc.collect()
    print("discarded call:", made[0]())


def discarded_in_loop():
    items = [Obj() for _ in range(3)]
    refs = [weakref.ref(o) for o in items]
    while items:
        items.pop()
    gc.collect()
    print("loop:", [r() for r in refs])


popped_from_list()
popped_from_dict()
discarded_call()
discarded_in_loop()

z = [Obj()]
r = weakref.ref(z[0])
z.pop()
gc.collect()
print("module level:", r())
