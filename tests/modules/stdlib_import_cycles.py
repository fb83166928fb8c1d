# Modules whose import failed: genericpath first (a cycle with os that
# CPython's site hides), the email package's docstring pass (`__doc__` of
# any object), multiprocessing (bytes subclasses, int.__add__).
import genericpath
print(genericpath._splitext("a/b.tar.gz", "/", None, "."))
import cgi
import mailbox
import smtplib
import multiprocessing
print(cgi.escape if hasattr(cgi, "escape") else "no cgi.escape", mailbox.Maildir.__name__)
print(smtplib.SMTP_PORT, multiprocessing.current_process().name)
print((1).__doc__ is None or isinstance((1).__doc__, str), "".__doc__ is None or "".__doc__.startswith("str("))
import email.policy
print(email.policy.default.max_line_length)
import weakref


async def agen():
    yield 1


def gen():
    yield 1


for obj in [agen(), gen(), len, weakref, gen.__code__]:
    print(type(obj).__name__, weakref.ref(obj)() is obj)
