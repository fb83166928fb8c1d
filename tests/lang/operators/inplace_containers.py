# In-place operators on built-in mutable containers change the left operand
# itself; the in-place dunders do the same and say NotImplemented otherwise.
a = {1}; b = a; a |= {2}; print(b, a is b)
a = {1, 2}; b = a; a &= {2}; print(b, a is b)
a = {1, 2}; b = a; a -= {2}; print(b, a is b)
a = {1, 2}; b = a; a ^= {3}; print(b, a is b)
a = {1, 2}; b = a; a |= frozenset({7}); print(sorted(b), a is b)
a = [1]; b = a; a *= 3; print(b, a is b)
a = [1]; b = a; a *= 0; print(b, a is b)
a = [1]; b = a; a += (2, 3); print(b, a is b)
a = bytearray(b'x'); b = a; a *= 3; print(b, a is b)
a = bytearray(b'x'); b = a; a += b'yz'; print(b, a is b)
s = {1}
print(s.__ior__({5}) is s, s, s.__ior__([1]), s.__iand__({5}), s, s.__isub__({5}), s, s.__ixor__({9}))
l = [1]
print(l.__iadd__('ab') is l, l, l.__imul__(2), l.__imul__(1.5) if False else '')
for bad in [lambda: l.__imul__(1.5), lambda: bytearray(b'a').__iadd__(1), lambda: list.__iadd__((), [1])]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)
for op in ['s |= [1]', 'l *= 2.0', 'ba = bytearray(); ba += 1', 'fs = frozenset(); fs |= {1}; print(fs)']:
    try:
        exec(op, {'s': {1}, 'l': [1]})
    except TypeError as e:
        print('TypeError:', e)


class S(set):
    pass


x = S({1}); y = x; x |= {2}; print(type(x).__name__, sorted(y), x is y)


class L(list):
    def __iadd__(self, other):
        print('L.__iadd__')
        return super().__iadd__(other)


x = L([1]); y = x; x += [2]; x *= 2; print(type(x).__name__, y, x is y)
for i in range(3):
    acc = set()
    acc |= {i}
    lst = [i]
    lst *= 2
    print(acc, lst)
