# errno's names and OSError's constructor: attributes, subclass by errno,
# and CPython's messages.
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLOCK, errno.ENOTSUP)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names), names[:5], names[-3:])
print(all(getattr(errno, errno.errorcode[n]) == n for n in errno.errorcode))

for n in sorted(errno.errorcode):
    e = OSError(n, "text")
    if type(e) is not OSError:
        print(errno.errorcode[n], type(e).__name__)

cases = [(), ("msg",), (2, "No such file"), (2, "No such file", "f.txt"), (13, "Denied", "a", None, "b"),
         (1, 2, 3, 4, 5, 6), ("a", "b"), (99999, "odd")]
for args in cases:
    e = OSError(*args)
    print(type(e).__name__, e.args, repr(e.errno), repr(e.strerror), repr(e.filename), repr(e.filename2), "|", str(e))
e = FileNotFoundError(2, "gone", "x")
print(type(e).__name__, e, e.errno, e.filename)
e = FileNotFoundError("just text")
print(e, e.errno, e.args)
e = PermissionError(2, "mismatch")
print(type(e).__name__, e)
print(IOError is OSError, EnvironmentError is OSError, issubclass(BrokenPipeError, ConnectionError))
try:
    raise OSError(17, "File exists", "d")
except FileExistsError as e:
    print("caught", repr(e.filename), e)


class MyError(OSError):
    def __init__(self, text):
        super().__init__(5, text)


e = MyError("custom")
print(type(e).__name__, e.errno, e.strerror, e)
try:
    open("no/such/file")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
