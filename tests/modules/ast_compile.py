# compile() of AST objects: round trips, transformers, and CPython's errors
# for malformed trees.
import ast
import re
import sys

src = '''
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class K:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"K({self.v!r})"
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print(fib(15), total, [K(x) for x in 'ab'], {k: k * 2 for k in (1, 2)})
try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', e)
with open(__file__) as fh:
    print(len(fh.readline()) > 0)
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
'''
tree = ast.parse(src, 'prog.py')
code = compile(tree, 'prog.py', 'exec')
print(type(code).__name__, code.co_filename)
exec(code, {'__file__': __file__, '__name__': 'prog'})
print(eval(compile(ast.parse('6 * 7', mode='eval'), '<e>', 'eval')))
exec(compile(ast.parse('x = 5; x', mode='single'), '<s>', 'single'))
print(compile(tree, 'p', 'exec', ast.PyCF_ONLY_AST) is tree)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
    def visit_Name(self, node):
        if node.id == 'print':
            return ast.copy_location(ast.Name('shout', node.ctx), node)
        return node

def shout(*args):
    print(*[str(a).upper() for a in args])

t = Doubler().visit(ast.parse("print(1 + 2, 'ok', [3, 4])"))
exec(compile(t, '<doubled>', 'exec'))

# Nodes without positions until fix_missing_locations.
body = [ast.Assign(targets=[ast.Name('y', ast.Store())], value=ast.BinOp(ast.Constant(40), ast.Add(), ast.Constant(2))),
        ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Name('y', ast.Load())], []))]
m = ast.Module(body=body, type_ignores=[])
try:
    compile(m, '<m>', 'exec')
except TypeError as e:
    print('TypeError', e)
ast.fix_missing_locations(m)
print(m.body[0].lineno, m.body[0].col_offset, m.body[1].value.args[0].lineno)
exec(compile(m, '<m>', 'exec'))

# A function built from nodes, with a docstring and defaults.
fn = ast.FunctionDef(
    name='add', args=ast.arguments(posonlyargs=[], args=[ast.arg('a'), ast.arg('b')], vararg=None,
                                   kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[ast.Constant(10)]),
    body=[ast.Expr(ast.Constant('Adds.')), ast.Return(ast.BinOp(ast.Name('a', ast.Load()), ast.Add(), ast.Name('b', ast.Load())))],
    decorator_list=[], returns=None)
mod = ast.fix_missing_locations(ast.Module([fn], []))
ns = {}
exec(compile(mod, '<fn>', 'exec'), ns)
print(ns['add'](1), ns['add'](1, 2), ns['add'].__doc__)
# Constants that the parser never makes.
e = ast.fix_missing_locations(ast.Expression(ast.Constant((1, 'a', (None, 2.5)))))
print(eval(compile(e, '<c>', 'eval')))
e = ast.fix_missing_locations(ast.Expression(ast.Constant(1+2j)))
print(eval(compile(e, '<c>', 'eval')))

def attempt(label, tree, mode='exec'):
    try:
        compile(tree, '<bad>', mode)
        print(label, 'compiled')
    except (TypeError, ValueError, RuntimeError) as e:
        print(label, type(e).__name__, re.sub(' at 0x[0-9a-f]+', '', str(e)))

L = dict(lineno=1, col_offset=0)
def name(id, ctx=ast.Load):
    return ast.Name(id, ctx(), **L)
def expr_stmt(value):
    return ast.Expr(value, **L)
def mod(*stmts):
    return ast.Module(list(stmts), [])

attempt('mode', ast.Module([], []), 'eval')
attempt('mode2', ast.Expression(name('x')), 'exec')
attempt('not ast', 5)
attempt('no body', ast.Module(type_ignores=[]))
attempt('body type', ast.Module(body=5, type_ignores=[]))
attempt('no lineno', mod(ast.Pass()))
attempt('no col', mod(ast.Pass(lineno=1)))
attempt('stmt type', mod(ast.Name('x', ast.Load(), **L)))
attempt('none stmt', mod(None))
attempt('int stmt', mod(5))
attempt('missing value', mod(ast.Expr(**L)))
attempt('none value', mod(ast.Expr(None, **L)))
attempt('bad expr', mod(expr_stmt(ast.Pass(**L))))
attempt('bad lineno', mod(ast.Pass(lineno='x', col_offset=0)))
attempt('bad ident', mod(expr_stmt(ast.Name(5, ast.Load(), **L))))
attempt('none ident', mod(expr_stmt(ast.Name(None, ast.Load(), **L))))
attempt('bad ctx', mod(expr_stmt(ast.Name('x', 5, **L))))
attempt('load target', mod(ast.Assign([name('x')], ast.Constant(1, **L), **L)))
attempt('store value', mod(expr_stmt(name('x', ast.Store))))
attempt('call target', mod(ast.Assign([ast.Call(name('f'), [], [], **L)], ast.Constant(1, **L), **L)))
attempt('no targets', mod(ast.Assign([], ast.Constant(1, **L), **L)))
attempt('del load', mod(ast.Delete([name('x')], **L)))
attempt('boolop', mod(expr_stmt(ast.BoolOp(ast.And(), [name('x')], **L))))
attempt('compare', mod(expr_stmt(ast.Compare(name('x'), [], [], **L))))
attempt('compare2', mod(expr_stmt(ast.Compare(name('x'), [ast.Eq(), ast.Lt()], [name('y')], **L))))
attempt('dict', mod(expr_stmt(ast.Dict([name('x')], [], **L))))
attempt('const', mod(expr_stmt(ast.Constant([1], **L))))
attempt('const set', mod(expr_stmt(ast.Constant({1}, **L))))
attempt('empty if', mod(ast.If(name('x'), [], [], **L)))
attempt('empty def', mod(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], None, **L)))
attempt('no args', mod(ast.FunctionDef('f', None, [ast.Pass(**L)], [], None, **L)))
attempt('defaults', mod(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, [ast.Constant(1, **L)]), [ast.Pass(**L)], [], None, **L)))
attempt('kw defaults', mod(ast.FunctionDef('f', ast.arguments([], [], None, [ast.arg('a', **L)], [], None, []), [ast.Pass(**L)], [], None, **L)))
attempt('try', mod(ast.Try([ast.Pass(**L)], [], [], [], **L)))
attempt('try else', mod(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)))
attempt('raise', mod(ast.Raise(None, name('x'), **L)))
attempt('import', mod(ast.Import([], **L)))
attempt('level', mod(ast.ImportFrom('m', [ast.alias('x', None)], -1, **L)))
attempt('global', mod(ast.Global([], **L)))
attempt('ann', mod(ast.AnnAssign(ast.Attribute(name('a'), 'b', ast.Store(), **L), name('int'), None, 1, **L)))
attempt('with', mod(ast.With([], [ast.Pass(**L)], **L)))
attempt('comp', mod(expr_stmt(ast.ListComp(name('x'), [], **L))))
attempt('list field', mod(expr_stmt(ast.Call(name('f'), (), [], **L))))
attempt('slice', mod(expr_stmt(ast.Subscript(name('x'), None, ast.Load(), **L))))
attempt('extslice', mod(expr_stmt(ast.Subscript(name('x'), ast.ExtSlice([]), ast.Load(), **L))))
attempt('op', mod(expr_stmt(ast.BinOp(name('x'), ast.Load(), name('y'), **L))))
attempt('starred', mod(ast.Assign([ast.Starred(name('x'), ast.Store(), **L)], ast.Constant(1, **L), **L)))
attempt('flags', ast.Module([], []))
try:
    compile('1', 'f', 'exec', 0x4000)
except ValueError as e:
    print('ValueError', e)
try:
    compile('1', 'f', 'nope', ast.PyCF_ONLY_AST)
except ValueError as e:
    print('ValueError', e)
try:
    compile('1', 'f', 'func_type')
except ValueError as e:
    print('ValueError', e)
print(compile('x', 'f', 'exec', dont_inherit=True, _feature_version=8) is not None)
deep = ast.Constant(0, **L)
for _ in range(100):
    deep = ast.BinOp(deep, ast.Add(), ast.Constant(1, **L), **L)
print(eval(compile(ast.Expression(deep), '<deep>', 'eval')))

# Fields computed by properties: fresh objects on every read.
class LazyExpr(ast.Expr):
    @property
    def value(self):
        return ast.Call(ast.Name('print', ast.Load(), **L), [ast.Constant('lazy ' + 'x' * 3, **L)], [], **L)
class LazyModule(ast.Module):
    @property
    def body(self):
        return [LazyExpr(**L) for _ in range(3)]
exec(compile(LazyModule(type_ignores=[]), '<lazy>', 'exec'))
attempt('const tuple', mod(expr_stmt(ast.Constant((1, [2]), **L))))
attempt('const nested', mod(expr_stmt(ast.Constant((1, (2, {3: 4})), **L))))
print(eval(compile(ast.Expression(ast.Constant((1, (b'2', None, ...)), **L)), '<c>', 'eval')))
