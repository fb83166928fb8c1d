# gen.gi_frame follows the generator: f_lineno and f_locals as it runs,
# None once it is finished.
def gen(n):
    a = 1
    yield a
    b = a + n
    yield b
    for i in range(2):
        c = i
        yield c
g = gen(5)
f = g.gi_frame
print(f.f_lineno, sorted(f.f_locals.items()), f.f_code.co_name, f.f_back, f.f_lasti >= -1)
for v in g:
    print(v, g.gi_frame.f_lineno, f.f_lineno, sorted(f.f_locals.items()))
print(g.gi_frame)
def closure():
    x = 1
    def inner(): return x
    yield inner
    x = 2
    yield x
g = closure(); next(g); print(sorted(g.gi_frame.f_locals)); next(g); print(g.gi_frame.f_locals['x'])
g = gen(1); print(g.gi_frame.f_lineno); g.close(); print(g.gi_frame)
