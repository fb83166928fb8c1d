class BadIter:
    def __iter__(self):
        return [1, 2]
class BadLen:
    def __len__(self):
        return 2 ** 100
class NegLen:
    def __len__(self):
        return -5
class FloatLen:
    def __len__(self):
        return 1.5
class BadHash:
    def __hash__(self):
        return 1.0
class BadBool:
    def __bool__(self):
        return "yes"
class BadIndex:
    def __index__(self):
        return 1.5
class BadRepr:
    def __repr__(self):
        return b"bytes"
class BadInit:
    def __init__(self):
        return []

cases = [
    ("iter", lambda: iter(BadIter())),
    ("len big", lambda: len(BadLen())),
    ("len neg", lambda: len(NegLen())),
    ("len float", lambda: len(FloatLen())),
    ("hash", lambda: hash(BadHash())),
    ("bool", lambda: bool(BadBool())),
    ("if", lambda: 1 if BadBool() else 0),
    ("index", lambda: [1, 2][BadIndex()]),
    ("repr", lambda: repr(BadRepr())),
    ("init", lambda: BadInit()),
]
for name, f in cases:
    try:
        f()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__, e)
