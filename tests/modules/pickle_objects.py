# The reduce protocol through the C pickler: class instances, copyreg,
# Pickler/Unpickler subclasses with their hooks, files, and errors.
import collections
import copyreg
import datetime
import io
import pickle


class Plain:
    def __init__(self, x):
        self.x = x
        self.y = [x, x]

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


class WithState:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        return {"v": self.v * 10}

    def __setstate__(self, state):
        self.v = state["v"] + 1


class NewArgs(int):
    def __new__(cls, v, tag):
        self = super().__new__(cls, v)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args, self.kwargs = args, kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs


class ReducesToName:
    def __reduce__(self):
        return "THE_ONE"


THE_ONE = ReducesToName()


class Outer:
    class Inner:
        pass


Point = collections.namedtuple("Point", "x y")


class MyList(list):
    pass


class MyDict(dict):
    pass


def describe(obj):
    if isinstance(obj, Plain):
        return ("Plain", obj.__dict__)
    if isinstance(obj, Slotted):
        return ("Slotted", obj.a, obj.b)
    if isinstance(obj, WithState):
        return ("WithState", obj.v)
    if isinstance(obj, NewArgs):
        return ("NewArgs", int(obj), obj.tag)
    if isinstance(obj, NewArgsEx):
        return ("NewArgsEx", obj.args, obj.kwargs)
    if isinstance(obj, (MyList, MyDict)):
        return (type(obj).__name__, list(obj.items()) if isinstance(obj, dict) else list(obj), obj.__dict__)
    return obj


objects = [
    Plain(3), Slotted(1, "two"), WithState(), NewArgs(7, "seven"),
    NewArgsEx(1, 2, k="v"), THE_ONE, Outer.Inner, Point(1, 2),
    collections.OrderedDict([("a", 1), ("b", 2)]), collections.defaultdict(list, {1: [2]}),
    collections.deque([1, 2, 3]), collections.Counter("abca"),
    datetime.date(1980, 5, 7), datetime.datetime(2020, 1, 2, 3, 4, 5, 6),
    datetime.timedelta(days=3, seconds=7),
]
ml = MyList([1, 2])
ml.extra = "e"
md = MyDict(a=1)
md.extra = "f"
objects += [ml, md]

for p in range(6):
    print("protocol", p)
    for obj in objects:
        try:
            s = pickle.dumps(obj, p)
        except TypeError as e:
            print(type(e).__name__, e)
            continue
        r = pickle.loads(s)
        print(s)
        print("  ->", describe(r) == describe(obj), describe(r) if r is not THE_ONE else "THE_ONE")

print("shared instances")
shared = Plain("s")
for p in (0, 2, 4):
    r = pickle.loads(pickle.dumps([shared, shared], p))
    print(p, r[0] is r[1], r[0] == shared)

print("recursive instance")
node = Plain(0)
node.y = node
for p in (0, 2, 4):
    r = pickle.loads(pickle.dumps(node, p))
    print(p, r.y is r)


class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith("ext:"):
            return obj[4:]
        return None


class PersistentUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded " + pid


for p in (0, 1, 4):
    f = io.BytesIO()
    PersistentPickler(f, p).dump(["ext:one", "plain", ("ext:two",)])
    print(p, f.getvalue())
    f.seek(0)
    print(PersistentUnpickler(f).load())

print("dispatch_table and reducer_override")


class Tagged:
    def __init__(self, n):
        self.n = n


def reduce_tagged(obj):
    return (Tagged, (obj.n * 2,))


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Tagged] = reduce_tagged


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Tagged):
            return (Tagged, (obj.n + 100,))
        return NotImplemented


for cls in (TablePickler, OverridePickler):
    f = io.BytesIO()
    cls(f, 4).dump([Tagged(1), 5])
    r = pickle.loads(f.getvalue())
    print(cls.__name__, r[0].n, r[1])


class RenamingUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if name == "Tagged":
            return Plain
        return super().find_class(module, name)


data = pickle.dumps(Tagged(9), 2)
r = RenamingUnpickler(io.BytesIO(data)).load()
print(type(r).__name__, r.__dict__)

print("several pickles in one file")
f = io.BytesIO()
for p in range(6):
    pickle.dump({"p": p, "l": [p] * 3}, f, p)
f.seek(0)
for p in range(6):
    print(pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print("EOFError", e)

print("memo kept between dumps")
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
lst = [1, 2]
pk.dump(lst)
pk.dump(lst)
print(f.getvalue())
pk.clear_memo()
pk.dump(lst)
print(f.getvalue())
f.seek(0)
up = pickle.Unpickler(f)
a = up.load()
b = up.load()
print(a, b, a is b)

print("fast mode")
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.fast = 1
pk.dump([lst, lst])
print(f.getvalue())

print("errors")


def local():
    class Local:
        pass
    return Local


bad_cases = [
    lambda: pickle.dumps(local(), 2),
    lambda: pickle.dumps(local()(), 2),
    lambda: pickle.dumps(1, 6),
    lambda: pickle.loads(b""),
    lambda: pickle.loads(b"\x80\x02K"),
    lambda: pickle.loads(b"\x80\x02K\x01"),
    lambda: pickle.loads(b"\x80\x09."),
    lambda: pickle.loads(b"z"),
    lambda: pickle.loads(b"\xff"),
    lambda: pickle.loads(b"."),
    lambda: pickle.loads(b"a."),
    lambda: pickle.loads(b"(e."),
    lambda: pickle.loads(b"0."),
    lambda: pickle.loads(b"h\x05."),
    lambda: pickle.loads(b"t."),
    lambda: pickle.loads(b"(K\x01d."),
    lambda: pickle.loads(b"S'abc\n."),
    lambda: pickle.loads(b"\x8c\x03abc\x8c\x03def\x93."),
    lambda: pickle.loads(b"cbuiltins\nnope\n."),
    lambda: pickle.loads(b"cno_such_module_xyz\nf\n."),
    lambda: pickle.loads(b"K\x01K\x02\x81."),
    lambda: pickle.loads(b"Pabc\n."),
    lambda: pickle.loads("text"),
    lambda: pickle.Pickler(object()),
    lambda: pickle.Unpickler(object()),
]
for case in bad_cases:
    try:
        case()
        print("no error")
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)


class BadReduce:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


for value in [42, (), (1,), (len,), (len, 5), (len, (), None, 5), (len, (), None, None, 5),
              (len, (), None, None, None, 5), (1, 2, 3, 4, 5, 6, 7)]:
    try:
        pickle.dumps(BadReduce(value), 2)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

try:
    pickle.dumps(lambda: 0)
except pickle.PicklingError as e:
    print("PicklingError", str(e).split(" at ")[0], str(e).split(">")[-1])

print(pickle.PickleError.__module__, pickle.PicklingError.__mro__[1].__name__,
      pickle.Pickler.__module__, pickle.Unpickler.__name__)

print("protocol 0-2 strings and compat names")
print(pickle.loads(b"S'abc'\np0\n."), pickle.loads(b"U\x03abc."), pickle.loads(b"T\x02\x00\x00\x00hi."))
print(pickle.loads(b"U\x03abc.", encoding="bytes"), pickle.loads(b"U\x02\xe9x.", encoding="latin1"))
print(pickle.loads(b"c__builtin__\nxrange\n(K\x03tR."))
print(pickle.loads(b"(lp0\nI1\naI01\naL12L\naF1.5\naVx\\u20ac\na."))
print(pickle.loads(b"(i__main__\nPlain\n(dS'x'\nI5\nsb.").x)
print(pickle.dumps(collections.OrderedDict, 0), pickle.dumps(io.BytesIO, 2))
