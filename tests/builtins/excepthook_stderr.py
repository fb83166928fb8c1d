# sys.__excepthook__ prints the traceback to the current sys.stderr.
import io
import sys


class BrokenStr(Exception):
    def __str__(self):
        raise ValueError("no str")


for exc_type in (ValueError, BrokenStr):
    try:
        raise exc_type("test message")
    except exc_type:
        saved, sys.stderr = sys.stderr, io.StringIO()
        try:
            sys.__excepthook__(*sys.exc_info())
            report = sys.stderr.getvalue()
        finally:
            sys.stderr = saved
    print(report.replace(__file__, "FILE"), end="")
saved, sys.stderr = sys.stderr, None
try:
    try:
        1 / 0
    except ZeroDivisionError:
        sys.__excepthook__(*sys.exc_info())
finally:
    sys.stderr = saved
print("done")
