# ast.parse and the pure-Python helpers of ast.py over tachyon's trees.
import ast
import re

src = '''\
"""Module doc."""
import os, sys as system
from . import sibling
from ..pkg.mod import a as b, c

def f(a, /, b: int = 1, *args, c, d=2, **kw) -> "ret":
    """Function doc.

        Indented line.
    """
    global g
    x = yield from a
    return [i async for i in x] if b else {k: v for k, v in kw.items()}

@decorator(arg)
class C(Base, metaclass=Meta):
    \'\'\'Class doc.\'\'\'
    attr: int = 3
    def m(self): nonlocal_thing = lambda *a, k=1, **kw: (a, k)

async def g():
    async with a as (b, c), d:
        await e
    async for x in y:
        pass

s = 'é' + "日本" + f"{x!r:>{width}} and {y}" + b'raw\\x00' + r'\\d'
t = x[1:2, ::3], y[...], z[a:b:c], w[i]
if (n := len(a)) > 10 and not b or c is not None:
    del a[0], b.c
elif -x ** 2 @ y // z % 3 << 1 >> 2 | 4 & 5 ^ ~6:
    raise E from cause
else:
    assert x in y and x not in z, "msg"
try:
    pass
except (A, B) as err:
    pass
except Exception:
    pass
else:
    pass
finally:
    pass
while True:
    break
for i, *rest in items:
    continue
with open(p) as fh, lock:
    x += 1; y -= 2; z @= 3; w **= 4
print(*args, sep='', **kw)
0x1f + 1_000 + 1e10 + 3j + 0o17 + 10**100
'''

tree = ast.parse(src)
print(ast.dump(tree, include_attributes=True))
# Walks run over a small tree: GC stress mode collects at every step.
small_src = "s = 'é' + f'{x!r:>{w}}'\ndef f(a, b=1):\n    return a + b * s\nx = f(2, b=[3])\n"
small = ast.parse(small_src)
print(ast.dump(small, annotate_fields=False))
for node in ast.walk(small):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        print(repr(node.value), node.col_offset, node.end_col_offset, repr(ast.get_source_segment(small_src, node)))
for node in small.body:
    print(type(node).__name__, node.lineno, node.end_lineno, repr(ast.get_source_segment(small_src, node)))
    print(repr(ast.get_source_segment(small_src, node, padded=True)))

print(repr(ast.get_docstring(tree)))
fdef = tree.body[4]
print(repr(ast.get_docstring(fdef)), repr(ast.get_docstring(fdef, clean=False)))
print(repr(ast.get_docstring(tree.body[5])), repr(ast.get_docstring(tree.body[6])))
try:
    ast.get_docstring(tree.body[0])
except TypeError as e:
    print('TypeError', e)

print(ast.dump(ast.parse('x + 1', mode='eval'), include_attributes=True))
print(ast.dump(ast.parse('x = 1; y', mode='single')))
print(ast.dump(ast.parse('if x:\n  y\n', mode='single')))
print(ast.dump(ast.parse(b'# coding: latin-1\ns = "\xe9"\n'), include_attributes=True))
print(ast.dump(ast.parse('x', type_comments=True)))
print(ast.dump(ast.parse('x', feature_version=(3, 8))))
print(ast.dump(compile('1 +\\\n 2', '<s>', 'eval', ast.PyCF_ONLY_AST), include_attributes=True))

for bad in ['x = ', 'def f(:\n', 'return 1 2', 'x = (']:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))

class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))
        self.generic_visit(node)
    def visit_Constant(self, node):
        self.names.append(('const', repr(node.value)))
v = Names()
v.visit(small)
print(v.names)
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[4])])
print([name for name, _ in ast.iter_fields(tree.body[4])])
print(sorted(set(type(n).__name__ for n in ast.walk(small))))

expr = ast.parse('a + b', mode='eval')
ast.increment_lineno(expr, 5)
print(ast.dump(expr, include_attributes=True))
new = ast.Name('z', ast.Load())
print(ast.copy_location(new, expr.body.left) is new, new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)

for text in ['1', '-1.5', '1+2j', '"s"', "b'b'", '(1, [2, {3: 4}], {5})', 'None', 'True',
             '-(1)', '0x10', '-2j', '1e400']:
    try:
        print(repr(ast.literal_eval(text)))
    except ValueError as e:
        print('ValueError', e)
for text in ['x', 'f()', '1 + x', '[1, y]', '{**a}']:
    try:
        ast.literal_eval(text)
    except ValueError as e:
        print('ValueError', re.sub(' at 0x[0-9a-f]+', '', str(e)))
print(ast.literal_eval(ast.parse('[1, 2]', mode='eval')))
print(ast.literal_eval(ast.Constant(4)))
