# The classes of _ast: table, constructor rules and errors, shared instances.
import _ast
import ast
import copy

names = sorted(k for k, v in vars(_ast).items() if isinstance(v, type) and issubclass(v, _ast.AST))
print(len(names))
for name in names:
    cls = getattr(_ast, name)
    print(name, cls.__base__.__name__, cls._fields, cls._attributes, cls.__module__)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.PyCF_ONLY_AST == _ast.PyCF_ONLY_AST)
print(repr(ast.Name), repr(ast.AST), ast.Name.__mro__)
print(ast.Name.__doc__, type(ast.AST))

# Positional arguments fill _fields in order; keywords set anything.
n = ast.Name('x', ast.Load(), lineno=1, col_offset=2, extra='e')
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset, n.extra)
print(sorted(vars(n)))
b = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(b))
print(ast.dump(ast.Constant(value=None, kind=None)))
partial = ast.BinOp(left=ast.Constant(1))
print(ast.dump(partial))
try:
    partial.right
except AttributeError as e:
    print('AttributeError', e)
for cls, args in [(ast.Name, (1, 2, 3)), (ast.Expr, (1, 2)), (ast.Load, (1,)), (ast.AST, (1,)),
                  (ast.Module, (1, 2, 3)), (ast.arguments, tuple(range(8)))]:
    try:
        cls(*args)
    except TypeError as e:
        print('TypeError', e)

# A subclass with its own _fields.
class Point(ast.AST):
    _fields = ('x', 'y')
p = Point(1, 2)
print(p.x, p.y, ast.dump(p))
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError', e)

# Fresh instances from the constructor; shared ones in parsed trees.
print(ast.Load() is ast.Load(), type(ast.Load()).__name__)
t = ast.parse('a = b + c + d')
print(t.body[0].targets[0].ctx is ast.parse('x = 1').body[0].targets[0].ctx)
print(t.body[0].value.op is t.body[0].value.left.op)
print(t.body[0].value.left.left.ctx is t.body[0].value.right.ctx)

# __reduce__, copy and pickle.
print(n.__reduce__()[0] is ast.Name, n.__reduce__()[1], sorted(n.__reduce__()[2]))
print(ast.AST().__reduce__())
c = copy.deepcopy(t)
print(ast.dump(c) == ast.dump(t), c.body[0] is not t.body[0])
s = copy.copy(t.body[0])
print(s.value is t.body[0].value)

# The deprecated classes of ast.py, through their metaclass.
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Num))
print(isinstance(ast.Constant('s'), ast.Str), isinstance(ast.Constant(b'b'), ast.Bytes))
print(isinstance(ast.Constant(True), ast.NameConstant), isinstance(ast.Constant(True), ast.Num))
print(isinstance(ast.Constant(...), ast.Ellipsis), isinstance(ast.Name('x'), ast.Num))
print(type(ast.Num(5)).__name__, ast.Num(5).n, ast.Str('q').s, ast.Bytes(b'z').s)
print(ast.dump(ast.Num(5)), ast.dump(ast.Str('q')), ast.dump(ast.NameConstant(None)))
print(ast.dump(ast.Ellipsis()))
num = ast.Constant(3)
num.n = 4
print(num.value)
try:
    ast.Num('x', 'y', 'z')
except TypeError as e:
    print('TypeError', e)
print(issubclass(ast.Num, ast.Constant), isinstance(ast.Num(1), ast.Constant))
