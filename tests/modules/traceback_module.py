# traceback: format_exc, print_exc, format_exception, extract_tb, chaining, TracebackException, walk_tb.
import io
import sys
import traceback


def inner(x):
    return 1 / x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError:
    print(traceback.format_exc())
    etype, value, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        print(fs.filename, fs.lineno, fs.name, fs.line)
    print(traceback.format_exception_only(etype, value))
    print("".join(traceback.format_tb(tb, limit=1)))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue().count("\n"), buf.getvalue().splitlines()[-1])
    print(len(list(traceback.walk_tb(tb))), [f.f_code.co_name for f, _ in traceback.walk_tb(tb)])

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("while handling") from e
except ValueError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)))
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__cause__).__name__, te.exc_type.__name__, list(te.format_exception_only()))

try:
    try:
        int("x")
    except ValueError:
        None.attr
except AttributeError as e:
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print(len(lines), lines[-1], "During handling" in "".join(lines))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__, chain=False)))


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    deep(n - 1)


try:
    deep(3)
except RuntimeError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=2)))
    print([fs.name for fs in traceback.extract_tb(e.__traceback__, limit=-2)])
try:
    exec("def broken(:\n  pass")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(type(e), e)))


def where():
    return traceback.extract_stack(limit=2)


print([(f.name, f.line) for f in where()])
print(traceback.format_list([("f.py", 3, "fn", "x = 1"), ("g.py", 7, "gn", None)]))
s = traceback.StackSummary.from_list([("a.py", 1, "m", "pass")])
print(s.format(), traceback.FrameSummary("z.py", 4, "q", line="y()").line)
buf = io.StringIO()
traceback.print_stack(limit=1, file=buf)
print(buf.getvalue().splitlines()[0].endswith("<module>"))
print(traceback.format_exception_only(ValueError, ValueError("v")), traceback.format_exception_only(KeyError, None))
