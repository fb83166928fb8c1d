print('a'.__lt__('b'), 'a'.__ge__(1), b'a'.__le__(bytearray(b'b')), [1].__gt__([0]), (1,).__lt__([2]))
print(list.__lt__([1], [2]), tuple.__ge__((1, 2), (1,)), {1}.__le__({1, 2}), frozenset({1}).__gt__(set()))
print({1}.__or__({2}), {1}.__or__([2]), {1, 2}.__and__(frozenset({2})), {1, 2}.__sub__({1}), {1}.__xor__({2}))
print(frozenset({1}).__ror__({3}), {1, 2}.__rsub__({2, 3}), type(frozenset({1}).__or__({2})).__name__)
class S(list):
    def __lt__(self, o): return ('S.lt', super().__lt__(o))
print(S([1]) < [2], [2] > S([1]), sorted([[3], [1], [2]], key=list.__len__))
class T(str): pass
print(T('a') < 'b', 'b'.__gt__(T('a')), str.__lt__(T('a'), 'b'))
print(sorted(['b', 'a'], key=str.__lt__.__name__.__len__))
import functools
print(sorted([(2, 'b'), (1, 'a')], key=functools.cmp_to_key(lambda x, y: -1 if tuple.__lt__(x, y) else 1)))
try: [1].__lt__()
except TypeError as e: print('TypeError', e)
