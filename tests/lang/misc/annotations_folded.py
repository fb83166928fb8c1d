from __future__ import annotations
x: (-1)**2
y: 1+2*3
z: "a" "b"
w: not True
v: (1, 2)[0]
u: 2 ** -1
t: 'ab' * 3
s: 'abcdefghijk' * 2
r: (1, 2) + (3,)
q: 1 << 200
p: 2 ** 200
o: 1 / 0
n: a + -1
m: List[1 + 1]
l: ~5 & 3 | 8 ^ 1
k: 7 // 2 % 3
j: 1.5 * 2
i: 1 + 2j
h: -(-3)
g: not ()
f2: __debug__
e: b'ab'[0]
d: 'abc'[-1]
c: (1, (2, 3))[1]
b2: 10 ** 38 * 10 ** 2
a2: 3 - True
def f(a: -(-3), b: 2**10, *c: 'x' + 'y', **d: (1,)) -> 3 if 1 else 4: pass
for k_, v_ in __annotations__.items():
    print(k_, repr(v_))
print(f.__annotations__)
