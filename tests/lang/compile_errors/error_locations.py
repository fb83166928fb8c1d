def check(src, lineno, offset, encoding='utf-8'):
    try:
        compile(src, '<fragment>', 'exec')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    else:
        print(repr(src), 'compiled')
check('def fact(x):\n\treturn x!\n', 2, 10)
check('1 +\n', 1, 4)
check('def spam():\n  print(1)\n print(2)', 3, 10)
check('Python = "Python" +', 1, 20)
check('Python = "\u1e54\xfd\u0163\u0125\xf2\xf1" +', 1, 20)
check(b'# -*- coding: cp1251 -*-\nPython = "\xcf\xb3\xf2\xee\xed" +',
      2, 19, encoding='cp1251')
check(b'Python = "\xcf\xb3\xf2\xee\xed" +', 1, 18)
check('x = "a', 1, 7)
check('lambda x: x = 2', 1, 1)

# Errors thrown by compile.c
check('class foo:return 1', 1, 11)
check('def f():\n  continue', 2, 3)
check('def f():\n  break', 2, 3)
check('try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass', 2, 3)

# Errors thrown by tokenizer.c
check('(0x+1)', 1, 3)
check('x = 0xI', 1, 6)
check('0010 + 2', 1, 4)
check('x = 32e-+4', 1, 8)
check('x = 0o9', 1, 6)
check('\u03b1 = 0xI', 1, 6)
check(b'\xce\xb1 = 0xI', 1, 6)
check(b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI', 2, 6,
      encoding='iso8859-7')

# Errors thrown by symtable.c
check('x = [(yield i) for i in range(3)]', 1, 5)
check('def f():\n  from _ import *', 1, 1)
check('def f(x, x):\n  pass', 1, 1)
check('def f(x):\n  nonlocal x', 2, 3)
check('def f(x):\n  x = 1\n  global x', 3, 3)
check('nonlocal x', 1, 1)
check('def f():\n  global x\n  nonlocal x', 2, 3)

# Errors thrown by ast.c
check('for 1 in []: pass', 1, 5)
check('def f(*):\n  pass', 1, 7)
check('[*x for x in xs]', 1, 2)
check('def f():\n  x, y: int', 2, 3)
check('(yield i) = 2', 1, 1)
check('foo(x for x in range(10), 100)', 1, 5)
check('foo(1=2)', 1, 5)

# Errors thrown by future.c
check('from __future__ import doesnt_exist', 1, 1)
check('from __future__ import braces', 1, 1)
check('x=1\nfrom __future__ import division', 2, 1)
for src in ['if 1:\n  x\n    y', '\tprint "x"', '  x = 1', 'if 1:\n\tx\n\t\ty\n', 'x = 0xg\ny', 'x = 1_\n', 'try:\n  if x:\n    pass\n  else:\n    y = 1\nexcept:\n  pass\nexcept ValueError:\n  pass',
            'try:\n  pass\nexcept E:\n  for x in y:\n    z\nexcept:\n  pass\nexcept ValueError:\n  pass\nelse:\n  q',
            'def f():\n  nonlocal x\n  global x', 'from __future__ import annotations, nope', 'if 1:\n  print "x"\n', 'x = "abc\ny"', 'x = "é\n']:
    try:
        compile(src, '<fragment>', 'exec')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
for src in ['  print "hello"', 'if True:\nprint "No indent"', 'print "old style"', 'exec "x"', "x = 'abc"]:
    try:
        compile(src, '<fragment>', 'exec')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
