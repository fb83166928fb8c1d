import types
async def foo():
    return 'spam'
c = foo()
w = c.__await__()
print(type(w).__name__, iter(w) is w, sorted(n for n in dir(w) if not n.startswith('__') or n in ('__iter__','__next__')))
try:
    next(w)
except StopIteration as e:
    print('stop', e.value)
try:
    next(w)
except RuntimeError as e:
    print(e)
try:
    c.throw(Exception('wat'))
except RuntimeError as e:
    print(e)
c.close(); c.close()

@types.coroutine
def bar(co):
    return (yield from co)
async def baz():
    return 42
co = baz().__await__()
b = bar(co)
try:
    b.send(None)
except StopIteration as e:
    print('bar', e.value)

class Wrapper:
    def __init__(self, c): self.c = c
    def __await__(self): return self.c.__await__()
async def main():
    return await Wrapper(baz())
try:
    main().send(None)
except StopIteration as e:
    print('main', e.value)

@types.coroutine
def nop():
    yield 1
async def slow():
    await nop()
    return 5
w = slow().__await__()
print(next(w))
try:
    w.send(None)
except StopIteration as e:
    print('slow', e.value)
w = slow().__await__()
print(w.send(None))
try:
    w.throw(ValueError('x'))
except ValueError as e:
    print('thrown', e)
w = slow().__await__()
next(w)
w.close()
print('closed')
print(repr(w)[:26])

# A wrapper of a running coroutine, driven from outside while suspended.
w = slow().__await__()
print(w.send(None))
print(next(iter(w), 'done'))
try:
    w.send(1)
except RuntimeError as e:
    print(e)
try:
    w.throw(KeyError, KeyError('k'), None, 4)
except TypeError as e:
    print(e)


# Whatever goes wrong awaiting __anext__'s result is the cause of the TypeError.
class F:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


async def loop():
    async for _ in F():
        pass

try:
    loop().send(None)
except TypeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)


# A types.coroutine generator may 'yield from' a coroutine itself.
@types.coroutine
def outer(c):
    return (yield from c)

try:
    outer(baz()).send(None)
except StopIteration as e:
    print('outer', e.value)


def plain(c):
    return (yield from c)

inner = baz()
try:
    plain(inner).send(None)
except TypeError as e:
    print(e)
inner.close()
