# __import__'s arguments as CPython's argument parser takes them: each by
# position or keyword, with its errors for a parameter given twice, a name
# that is no str, too many arguments, an unknown keyword and a bad level.
tries = [
    lambda: __import__("sys", name="sys"),
    lambda: __import__(1, 2, 3, 4),
    lambda: __import__(),
    lambda: __import__("sys", {}, {}, [], 0, 9),
    lambda: __import__("sys", foo=1),
    lambda: __import__("sys", level="x"),
    lambda: __import__("sys", level=-1),
    lambda: __import__("sys", {}, {}, [], 1.5),
    lambda: __import__("sys", globals={}, fromlist=["path"]).__name__,
    lambda: __import__(name="os", level=0).__name__,
    lambda: __import__("os.path", None, None, None, level=0).__name__,
    lambda: __import__("sys", None, None, ("path",), 0, level=0),
    lambda: __import__(b"sys"),
    lambda: __import__(""),
]
for t in tries:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
