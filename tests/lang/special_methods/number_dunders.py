tests = ["(1).__add__(2)", "(1).__add__(1.0)", "int.__add__(3, 4)", "float.__radd__(1.5, 2)", "(1).__lt__(2)", "(1).__lt__(2.0)", "(5).__neg__()", "(-5).__abs__()", "(1).__truediv__(2)", "(7).__divmod__(2)", "(2).__pow__(10, 7)", "True.__and__(False)", "(1j).__mul__(2)", "[1].__add__([2])", "(1,).__mul__(2)", "'a'.__lt__('b')", "{1}.__or__({2})", "(1.5).__floor__()", "(3).__round__(-1)", "(2.5).__round__()", "(5).__rsub__(1)", "(1).__bool__()", "(1).__float__()", "(2.0).__int__()", "(1).__eq__(1.0)", "(1.0).__eq__(1)", "list.__lt__([1],[2])", "(1).__invert__()", "(8).__rshift__(1)", "(1).__ge__('a')"]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except BaseException as e:
        print(t, '!!', type(e).__name__, e)
