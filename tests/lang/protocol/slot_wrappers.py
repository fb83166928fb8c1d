# Slot wrappers and method descriptors of built-in types: types, reprs and
# the self-type check with each kind's message.
for f in [lambda: int.__add__(1.0, 2), lambda: int.__add__(True, 2), lambda: float.__add__(1, 2.0),
          lambda: str.upper(1), lambda: list.append((), 1), lambda: dict.get([], 1), lambda: int.__neg__('x'),
          lambda: bytearray(b'x').__eq__(b'x'), lambda: float.__add__(1.5, 2),
          lambda: complex.__add__(1, 2), lambda: tuple.__len__([]),
          lambda: str.__add__(b'', ''), lambda: set.add(frozenset(), 1), lambda: bool.__and__(1, 1),
          lambda: bool.__or__(True, False), lambda: int.__or__(True, False), lambda: list.__getitem__((1,), 0),
          lambda: tuple.__getitem__([1], 0), lambda: int.__add__(), lambda: str.lower()]:
    try:
        print(f())
    except TypeError as e:
        print('TE', e)
print(type(int.__add__), int.__add__, type((1).__add__))
print(repr((1).__add__)[:38], repr([].append)[:36])
print(type(list.append), list.append, type([].append))
print(type(str.upper), type(object.__init__), object.__init__, type(object().__init__))
print(type(list.__getitem__), type(tuple.__getitem__), type(dict.__contains__), type(list.__len__))
print(repr(range(True, 5)), repr(range(False, True, True)), range(True, 5).start, range(True, 5)[0])
print(type(int.__dict__['__add__']))
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print((1).__add__.__self__, (1).__add__.__name__, (1).__add__(2))
print(list.append.__qualname__, list.append.__objclass__, [].append.__self__)
print(object.__repr__(1)[:17])
print('a'.__eq__('a'), 'a'.__eq__(1), 'a'.__ne__('b'), [1].__eq__([1]), (1,).__ne__((2,)))
print({1}.__eq__(frozenset({1})), b'x'.__eq__(bytearray(b'x')), bytearray(b'x').__ne__(b'y'))
print(bytearray(b'x').__lt__(b'y'), bytearray(b'x').__ne__(b'x'), bytearray(b'x').__eq__(bytearray(b'x')))
class S(str):
    pass
print(S('a') == 'a', 'a'.__eq__(S('a')), S('a').__eq__('a'))
