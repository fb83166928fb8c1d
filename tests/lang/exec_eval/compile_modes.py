# compile(): modes, flags in error messages, filename in tracebacks of
# exec'd code, and syntax errors with line and column.
import traceback

for src, mode in (("x = ", "exec"), ("def f(:\n pass", "exec"), ("1 +", "eval"),
                  ("if True:\nprint(1)", "exec"), ("return 1", "exec"),
                  ("yield 2", "exec"), ("nonlocal q", "exec"), ("1 +", "bogus"),
                  ("def f():\n    nonlocal q", "exec"), ("break", "exec"),
                  ("def f(a, a): pass", "exec")):
    try:
        compile(src, "<src>", mode)
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.filename, e.lineno, e.offset, repr(e.text))
    except ValueError as e:
        print("ValueError", e)
code = compile("def g():\n    return 1 / 0\ng()\n", "virtual.py", "exec")
try:
    exec(code, {})
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print(tb[-3:])
print(compile("pass", "<p>", "exec").co_filename)
print(type(compile("1", "<e>", "eval")).__name__)
