# BaseException's fields are getset descriptors in CPython: they refuse
# deletion and values of the wrong type; Unicode errors format the fields
# assigned after construction.
e = Exception(1, 2)
for name, value in [("__cause__", 1), ("__context__", 1), ("__traceback__", 5),
                    ("__suppress_context__", 1), ("args", 3)]:
    try:
        setattr(e, name, value)
        print(name, "set", getattr(e, name))
    except TypeError as x:
        print(name, "TypeError:", x)
for name in ["__cause__", "__context__", "__traceback__", "args", "__suppress_context__"]:
    try:
        delattr(e, name)
        print(name, "deleted")
    except TypeError as x:
        print(name, "TypeError:", x)
e.__cause__ = ValueError("v")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__traceback__ = None
e.args = [5, 6]
print(e.args, e.__suppress_context__, e.__traceback__)

u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
print(str(u))
u.end = 2
print(str(u))
u.end = 5
u.reason = 0x345345345345345345
print(str(u))
u.encoding = 4000
print(str(u))
u.start = 1000
print(str(u))

u = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
print(str(u))
u.end = 2
print(str(u))
u.start = 1000
print(str(u))
u = UnicodeDecodeError('ascii', bytearray(b'\xff'), 0, 1, 'ordinal not in range')
print(repr(u.object), u.args)

u = UnicodeTranslateError('xxxx', 1, 5, 'foo')
print(str(u))
u.end = 2
print(str(u))
u.start = 1000
print(str(u))
