# Generators closed mid-iteration: finally blocks, GeneratorExit ignored,
# close() of unstarted/finished generators, return values, yield from.
def g1():
    try:
        yield 1
        yield 2
    finally:
        print('g1 finally')
it = g1(); print(next(it)); it.close(); print('closed')

def g2():
    try:
        yield 1
    except GeneratorExit:
        print('g2 ignoring exit')
        yield 'oops'
it = g2(); next(it)
try:
    it.close()
except RuntimeError as e:
    print('RuntimeError', e)

def g3():
    try:
        yield 1
    except GeneratorExit:
        print('g3 exit')
        raise
it = g3(); next(it); it.close(); it.close(); print('twice ok')

def g4():
    yield 1
it = g4(); it.close(); print(list(it))

def g5():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('from close')
it = g5(); next(it)
try:
    it.close()
except ValueError as e:
    print('ValueError', e)

def inner():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
it = outer(); print(next(it)); it.close()

def g6():
    try:
        yield 1
    finally:
        return 'ret'
it = g6(); next(it); print(it.close())

def counter():
    n = 0
    while True:
        try:
            n += yield n
        except GeneratorExit:
            print('counter total', n)
            return
c = counter(); next(c); c.send(5); c.send(7); c.close()

def g7():
    for i in range(3):
        try:
            yield i
        finally:
            print('cleanup', i)
it7 = g7()
for x in it7:
    if x == 1:
        break
it7.close()
print('after break')
gen = (i * i for i in range(5)); print(next(gen)); gen.close(); print(next(gen, 'done'))
def g8():
    yield 1
    raise StopIteration('x')
try:
    list(g8())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)
def g9():
    try:
        yield 1
    finally:
        raise KeyError('in finally')
it = g9(); next(it)
try:
    it.close()
except KeyError as e:
    print('KeyError', e)
it = g1(); next(it)
try:
    it.throw(ZeroDivisionError('boom'))
except ZeroDivisionError as e:
    print('thrown', e)
del it
print('end')
