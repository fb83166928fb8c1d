class MyInt(int):
    def __add__(self, o): return ('my', super().__add__(o))
print(MyInt(3) + 4, 4 + MyInt(3), MyInt(3) - 1, -MyInt(3), abs(MyInt(-3)), round(MyInt(15), -1))
class F(float):
    def __radd__(self, o): return ('radd', float.__radd__(self, o))
print(1 + F(2.5), F(2.5) + 1, F(2.5) * 2, int(F(2.5)), round(F(2.5)), F(1.5).__trunc__())
print(int.__add__(3, 4), float.__radd__(1.5, 2), (2).__pow__(10, 7), (2).__pow__(10), (2).__rpow__(3))
print((7).__divmod__(2), (7.5).__rdivmod__(2), (1).__float__(), (3.7).__int__(), (3).__round__(-1), (2.675).__round__(2))
print(True.__and__(False), True.__or__(1), (5).__invert__(), (1).__ceil__(), True.__neg__())
print((1j).__mul__(2), (1j).__add__(1.5), (2).__mul__(1j), (1.0).__eq__(1), (1).__eq__(1.0), (1).__ne__('a'))
print(sorted([3, 1, 2], key=int.__neg__), list(map(int.__mul__, [1, 2], [3, 4])))
import operator
print(int.__lt__(1, 2), float.__ge__(1.0, 2), complex.__eq__(1j, 1j), (1j).__lt__(1j))
print((1).__truediv__(0) if False else 'skip')
try: (1).__truediv__(0)
except ZeroDivisionError as e: print('ZeroDivisionError', e)
try: (1).__add__()
except TypeError as e: print('TypeError', e)
try: (2.0).__pow__(2, 3)
except TypeError as e: print('TypeError', e)
print((2).__pow__(2.0), (2).__pow__(3, 5.0), (0.5).__bool__(), (0j).__bool__())
try: (1j).__float__()
except TypeError as e: print('TypeError', e)
class B(int):
    def __bool__(self): return False
print(bool(B(3)), int.__bool__(B(3)))
print(sum([MyInt(1), 2]), max(F(1.0), 0.5), 3 ** MyInt(2), divmod(MyInt(7), 2))
