class Boom:
    def __init__(self, where):
        self.where = where
    def _b(self, name):
        if self.where == name:
            raise RuntimeError("boom in " + name)
    def __len__(self):
        self._b("len"); return 1
    def __bool__(self):
        self._b("bool"); return True
    def __iter__(self):
        self._b("iter"); return iter([1])
    def __getitem__(self, k):
        self._b("getitem"); return 1
    def __setitem__(self, k, v):
        self._b("setitem")
    def __delitem__(self, k):
        self._b("delitem")
    def __contains__(self, k):
        self._b("contains"); return True
    def __add__(self, o):
        self._b("add"); return 1
    def __radd__(self, o):
        self._b("radd"); return 1
    def __eq__(self, o):
        self._b("eq"); return True
    def __lt__(self, o):
        self._b("lt"); return True
    def __hash__(self):
        self._b("hash"); return 1
    def __repr__(self):
        self._b("repr"); return "Boom"
    def __str__(self):
        self._b("str"); return "Boom"
    def __call__(self):
        self._b("call")
    def __enter__(self):
        self._b("enter"); return self
    def __exit__(self, *a):
        self._b("exit")
    def __neg__(self):
        self._b("neg")
    def __index__(self):
        self._b("index"); return 0
    def __format__(self, spec):
        self._b("format"); return ""
    def __getattr__(self, name):
        self._b("getattr"); return 1

ops = {
    "len": lambda b: len(b),
    "bool": lambda b: not b,
    "iter": lambda b: [x for x in b],
    "getitem": lambda b: b[0],
    "setitem": lambda b: b.__setitem__(0, 1),
    "delitem": lambda b: b.__delitem__(0),
    "contains": lambda b: 1 in b,
    "add": lambda b: b + 1,
    "radd": lambda b: 1 + b,
    "eq": lambda b: b == 1,
    "lt": lambda b: b < 1,
    "hash": lambda b: hash(b),
    "repr": lambda b: repr(b),
    "str": lambda b: str(b),
    "call": lambda b: b(),
    "neg": lambda b: -b,
    "index": lambda b: [1][b],
    "format": lambda b: f"{b}",
    "getattr": lambda b: b.missing,
}
for name, op in ops.items():
    try:
        op(Boom(name))
        print(name, "no error")
    except RuntimeError as e:
        print(name, "->", e)

for name in ["enter", "exit"]:
    try:
        with Boom(name):
            pass
    except RuntimeError as e:
        print(name, "->", e)
