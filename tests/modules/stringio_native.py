# io.StringIO as CPython 3.8's C type: class layout, newline modes and the
# `newlines` record, reads and seeks with their errors, closed and
# uninitialized objects, pickling and copying, and subclasses.
import copy
import io
import pickle


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


S = io.StringIO
print(S.__mro__, S.__module__, S.__name__, S.__qualname__)
print(issubclass(S, io.TextIOBase), issubclass(S, io.IOBase), isinstance(S(), io.TextIOBase))
print(S.__doc__ is None or isinstance(S.__doc__, str))

# Constructor arguments.
attempt("int initial", lambda: S(1))
attempt("int newline", lambda: S("a", 5))
attempt("bad newline", lambda: S("a", "x"))
attempt("bad newline 2", lambda: S("a", newline="\n\n"))
attempt("keywords", lambda: S(initial_value="a", newline=None).getvalue())
attempt("unknown keyword", lambda: S("a", foo=1))
attempt("too many", lambda: S("a", None, 3))
attempt("None initial", lambda: S(None).getvalue())
attempt("str subclass", lambda: type(S(type("T", (str,), {})("xy")).getvalue()))

# Newline translation on write and the readline rule of each mode.
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = S("a\nb\r\nc\rd\n", newline=nl)
    print("newline", repr(nl), repr(s.getvalue()), repr(s.newlines))
    print("  lines", s.readlines())
    s.seek(0)
    print("  limited", [s.readline(2) for _ in range(4)])
    s.seek(0, 2)
    s.write("x\r\ny\n")
    print("  after write", repr(s.getvalue()), repr(s.newlines), s.tell())
    s.seek(0)
    print("  iterated", list(s))
    s.seek(0)
    print("  read", repr(s.read()))

s = S(newline="")
print(repr(s.newlines))
for piece in ["a\n", "b\r", "c\r\n", "\n"]:
    s.write(piece)
    print(repr(piece), repr(s.newlines))
s = S(newline=None)
s.write("one\r")
s.write("\ntwo")
print(repr(s.getvalue()), repr(s.newlines))
s = S("\r\n", newline="")
print(repr(s.readline(1)), repr(s.readline()))

# Reads, writes and seeks.
s = S("héllo wörld\nsecond ☃ line\n")
print(repr(s.read(3)), s.tell(), repr(s.readline()), s.tell())
print(repr(s.read(0)), repr(s.read(-1)), repr(s.read()), s.tell())
s.seek(4)
print(s.write("ΩΩ"), repr(s.getvalue()), s.tell())
s.seek(40)
print(s.write("end"), repr(s.getvalue()), s.tell())
print(repr(s.read()), s.seek(0, 2), s.seek(0, 1), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()))
print(s.truncate(100), repr(s.getvalue()))
s.seek(2)
print(s.truncate(None), repr(s.getvalue()), s.tell())
s.seek(10)
print(repr(s.read()), repr(s.readline()), s.tell(), repr(s.getvalue()))
print(s.write(""), repr(s.getvalue()), s.tell())
s.writelines(["p", "q", "\n"])
print(repr(s.getvalue()), s.readable(), s.writable(), s.seekable(), s.isatty())
print(s.line_buffering, s.encoding, s.errors, s.flush())
s.seek(0)
print(repr(next(s)), iter(s) is s)
with S("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
print(S("a\nb\nc\n").readlines(2), S("a\nb\nc\n").readlines(-1), S("a\nb").readlines(None))

s = S("abc")
for label, f in [
    ("float seek", lambda: s.seek(1.5)),
    ("whence 3", lambda: s.seek(1, 3)),
    ("negative seek", lambda: s.seek(-1)),
    ("cur seek", lambda: s.seek(1, 1)),
    ("end seek", lambda: s.seek(1, 2)),
    ("end seek 0", lambda: s.seek(0, 2)),
    ("huge seek", lambda: s.seek(2 ** 70)),
    ("float read", lambda: s.read(1.5)),
    ("None read", lambda: s.read(None)),
    ("str read", lambda: s.read("x")),
    ("None readline", lambda: s.readline(None)),
    ("float readline", lambda: s.readline(1.0)),
    ("negative truncate", lambda: s.truncate(-1)),
    ("str truncate", lambda: s.truncate("x")),
    ("int write", lambda: s.write(3)),
    ("bytes write", lambda: s.write(b"x")),
    ("fileno", lambda: s.fileno()),
    ("detach", lambda: s.detach()),
    ("state", lambda: s.__getstate__()),
    ("setstate int", lambda: s.__setstate__(1)),
    ("setstate 3", lambda: s.__setstate__((1, 2, 3))),
    ("setstate ok", lambda: s.__setstate__(("a", "\n", 0, None))),
    ("setstate neg", lambda: s.__setstate__(("a", "\n", -1, None))),
    ("setstate newline", lambda: s.__setstate__(("a", 5, 0, None))),
    ("setstate dict", lambda: s.__setstate__(("a", "\n", 0, 5))),
    ("setstate value", lambda: s.__setstate__((5, "\n", 0, None))),
    ("setstate pos", lambda: s.__setstate__(("a", "\n", 1.0, None))),
    ("setstate attrs", lambda: (s.__setstate__(("xyz", "\r", 2, {"tag": 7})), s.tag, s.read(), s.newlines)),
]:
    attempt(label, f)
print(isinstance(io.UnsupportedOperation(), OSError), isinstance(io.UnsupportedOperation(), ValueError))

# A closed StringIO: most methods say so without the full stop, those
# inherited from IOBase with it.
s = S("x")
s.close()
for name in ["read", "readline", "tell", "getvalue", "readable", "writable", "seekable",
             "isatty", "flush", "readlines", "__iter__", "__next__", "__enter__",
             "__getstate__", "truncate", "detach", "close"]:
    attempt(name, getattr(s, name))
attempt("write", lambda: s.write("x"))
attempt("seek", lambda: s.seek(0))
attempt("writelines", lambda: s.writelines(["x"]))
attempt("newlines", lambda: s.newlines)
attempt("line_buffering", lambda: s.line_buffering)
attempt("closed", lambda: s.closed)
attempt("setstate closed", lambda: s.__setstate__(("a", "\n", 0, None)))

u = S.__new__(S)
attempt("uninitialized read", lambda: u.read())
attempt("uninitialized closed", lambda: u.closed)
attempt("uninitialized newlines", lambda: u.newlines)
attempt("uninitialized close", lambda: u.close())
u.__init__("late")
print(u.read())

# Pickling and copying keep value, position, newline mode and attributes.
s = S("one\r\ntwo\n", newline="")
s.readline()
s.label = "kept"
for proto in range(2):
    attempt("protocol %d" % proto, lambda: pickle.dumps(s, proto))
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, type(t).__name__, repr(t.getvalue()), t.tell(), repr(t.newlines), t.label, repr(t.read()))
for t in (copy.copy(s), copy.deepcopy(s)):
    print(repr(t.getvalue()), t.tell(), t.label, t is not s)
s.close()
attempt("pickle closed", lambda: pickle.dumps(s))


# Subclasses: their own __init__, super().__init__, overridden methods and
# attributes, and IOBase methods going through the override.
class Upper(io.StringIO):
    def __init__(self, text, tag):
        super().__init__(text.upper(), newline="")
        self.tag = tag

    def write(self, text):
        return super().write(text.upper())

    def readline(self, size=-1):
        line = super().readline(size)
        return line.replace("\n", "|")


u = Upper("ab\ncd\n", "t1")
print(type(u).__name__, u.tag, u.getvalue(), isinstance(u, io.StringIO))
u.seek(0, 2)
u.writelines(["ef\n", "gh"])
print(repr(u.getvalue()))
u.seek(0)
print(list(u))
u.seek(0)
print(u.readlines())
u2 = pickle.loads(pickle.dumps(u))
print(type(u2).__name__, repr(u2.getvalue()), u2.tag, u2.tell())


class Plain(io.StringIO):
    pass


p = Plain("z")
p.extra = 1
print(p.read(), p.extra, vars(p), Plain.__mro__[1:])


class NoInit(io.StringIO):
    def __init__(self):
        pass


n = NoInit()
attempt("subclass uninitialized", lambda: n.write("x"))


class Counting(io.StringIO):
    def __init__(self, *args, **kwargs):
        self.calls = 0
        super().__init__(*args, **kwargs)

    def __next__(self):
        self.calls += 1
        return super().__next__()


c = Counting("1\n2\n3\n")
print([x.strip() for x in c], c.calls)

big = S()
for i in range(2000):
    big.write("%d," % i)
v = big.getvalue()
print(len(v), v[:20], v[-20:], big.tell())
big.seek(3)
print(repr(big.read(5)), big.tell())
print(repr(S("".join(chr(0x1F600 + i % 5) for i in range(50))).read(7)))
