def g():
    yield 1
    yield from h()
def h():
    yield 2
    yield 3
x = g()
print(x.__name__, x.__qualname__, x.gi_code.co_name, x.gi_running, x.gi_yieldfrom)
next(x); next(x)
print(type(x.gi_yieldfrom).__name__, x.gi_yieldfrom.__name__)
def run():
    print('inside', x.gi_running)
    yield
x = run()
next(x)
class C:
    def m(self):
        yield
print(C().m().__qualname__)
async def co():
    return 1
c = co()
print(c.__name__, c.cr_code.co_name, c.cr_running, c.cr_await)
c.close()
async def ag():
    yield 1
a = ag()
print(a.__name__, a.ag_code.co_name, a.ag_running)
