# Expression statements compiled in 'single' mode go through
# sys.displayhook as it is when they run, and the default hook writes to
# the current sys.stdout (doctest relies on both).
import io
import sys
import doctest

exec(compile("1 + 1\n", "<s>", "single"))
exec(compile("None\n", "<s>", "single"))
saved = sys.displayhook
sys.displayhook = lambda v: print("hook got", repr(v))
exec(compile("'text'\n", "<s>", "single"))
exec(compile("None\n", "<s>", "single"))
sys.displayhook = saved

buf = io.StringIO()
sys.stdout = buf
exec(compile("[1, 2]\n", "<s>", "single"))
sys.stdout = sys.__stdout__
print("captured", repr(buf.getvalue()))

del sys.displayhook
try:
    exec(compile("3\n", "<s>", "single"))
except RuntimeError as exc:
    print("RuntimeError", exc)
sys.displayhook = sys.__displayhook__


def f():
    """
    >>> 1 + 1
    2
    >>> import json
    >>> json.dumps({"a": [1, None]})
    '{"a": [1, null]}'
    >>> x = 5
    >>> x
    5
    """


print(doctest.run_docstring_examples(f, {}, verbose=False))
print(doctest.testmod(verbose=False))
