# Compile-time scope errors raised by compile(): their messages and
# line numbers, as CPython's symbol table reports them.
cases = [
    "def f():\n    x = 1\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    nonlocal y\n",
    "def f():\n    def g():\n        nonlocal z\n",
    "def f(a):\n    nonlocal a\n",
    "x = 1\ndef f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "class C:\n    nonlocal q\n",
    "def f():\n    yield 1\n    return 2\nasync def g():\n    yield 1\n    return 2\n",
    "def f():\n    await x\n",
    "async def f():\n    yield from x\n",
    "[x for x in range(3) if (x := 1)]\n",
    "def f(*, a, a): pass\n",
    "f(x for x in y, 1)\n",
    "def f():\n    from os import *\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok:", src.splitlines()[0])
    except SyntaxError as e:
        print("%s: %s (line %s)" % (type(e).__name__, e.msg, e.lineno))
