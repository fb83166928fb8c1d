# A generator closed in the middle of a for loop over it, breaking out of
# loops over generators, and generators that are garbage.
def counter(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finally")


log = []
g = counter(log)
for v in g:
    if v == 2:
        g.close()
print(v, log)
log = []
g = counter(log)
for v in g:
    if v == 1:
        break
print(v, log, next(g))
g.close()
print(log)
try:
    next(g)
except StopIteration:
    print("exhausted after close")


def self_next():
    yield gen_ref.__next__()


gen_ref = self_next()
try:
    next(gen_ref)
except ValueError as e:
    print("ValueError", e)


def closes_itself():
    yield 1
    me.close()
    yield 2


me = closes_itself()
next(me)
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
