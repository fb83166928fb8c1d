# PEP 563 annotations as CPython 3.8.18 unparses them: lambdas, comprehensions,
# f-strings, yield, walrus, constant folding of negatives and tuples.
from __future__ import annotations
async def f(a: lambda x, *y, z=1, **k: x, b: [i for i in c if i], c: {k: v for k, v in d}, d: f"x{y!r:>{w}}", e: (*a, b), g: x[1:2, ::3, ...], h: {1, 2}, i: (yield), j: a if b else c, k: not a, l: -a ** b, m: (a, b), n: (), o: (1,), p: x.y.z(1, *a, k=2, **kw), q: await x, r: lambda: (yield), s: [*a], t: {**a, 'b': 1}, u: (x := 1), v: a < b < c, w: 'str' "cat", x: b'by', y: 1e100, z: 1j, aa: ..., bb: a[b][c], cc: (a for b in c), dd: a and b or c, ee: a @ b, ff: ~a + (+b), gg: x[a:b], hh: x[:], ii: x[a,], jj: lambda x=1, /, y=2: 0, kk: f'{a}' f'{b=}', ll: f'{a!s}{{}}', mm: 0x10, nn: 1_000, oo: a is not b, pp: a not in b, qq: (await a) ** 2, rr: -(-1), uu: {}, vv: None, ww: x[1:2:3], xx: x[(1, 2)]): pass
for k, v in f.__annotations__.items(): print(k, repr(v))


def g(a: lambda *a: 0, b: lambda: 0, c: lambda *, k=3, m: k, d: lambda a, /, b, *, c: 0,
      e: f'{ {1: 2}[1]}', f: f'{x:{y}.{z}}', g: f'{"q"!a}', i: f'a{{b}}c',
      j: [x async for x in y], k: (y for y in z if y if not y), l: {a: b for a, b in c},
      m: Literal[1, -2, (3, 4)], n: -(-(2.5)), o: (-1, -2.0), p: (yield from x), q: -1j,
      r: {**x}, s: x[::], t: x[-1:], u: a[b:c, d], v: f(*a, *b, **c, **d), w: not (a and b),
      x: (a or b) and c, y: a if (b if c else d) else e, z: (lambda: 1)()):
    pass


for k, v in g.__annotations__.items():
    print(k, repr(v))
