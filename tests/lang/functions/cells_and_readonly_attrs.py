# Cells: types.CellType(), cell_contents read, written and deleted,
# comparisons; function attributes that are read-only; dir() of a function
# lists its own attributes.
import types

c = types.CellType(1)
print(c.cell_contents)
e = types.CellType()
try:
    e.cell_contents
except ValueError as x:
    print('ValueError', x)
for bad in [(1, 2)]:
    try:
        types.CellType(*bad)
    except TypeError as x:
        print(x)
try:
    types.CellType(contents=1)
except TypeError as x:
    print(x)
print(types.CellType(2) < types.CellType(3), e < c, e == types.CellType(), c > e)
print(types.CellType(-36) == types.CellType(-36.0), c != types.CellType(1), e <= e)


def outer():
    a = 12

    def f():
        return a

    cells = f.__closure__
    cells[0].cell_contents = 9
    print(f(), a)
    del cells[0].cell_contents
    try:
        f()
    except NameError as x:
        print(type(x).__name__, x)
    try:
        print(a)
    except UnboundLocalError as x:
        print(type(x).__name__, x)
    del cells[0].cell_contents
    for name, value in [('__closure__', cells), ('__globals__', {})]:
        try:
            setattr(f, name, value)
        except AttributeError as x:
            print('set', name, x)
        try:
            delattr(f, name)
        except AttributeError as x:
            print('del', name, x)


outer()


def b():
    pass


b.known_attr = 7
print('known_attr' in dir(b), [n for n in dir(b) if not n.startswith('__')])
