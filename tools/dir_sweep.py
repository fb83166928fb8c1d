"""Compare sorted(dir(x)) of every native module and builtin type under
tachyon and CPython 3.8; print what each lacks or has extra.

usage: python3.8 tools/dir_sweep.py [TACHYON] [NAME...]
  TACHYON defaults to target/release/tachyon; NAMEs restrict the sweep to
  modules or builtin types by name.

The probe runs as one program under both interpreters and prints one JSON
object: {name: sorted dir, or "ImportError: ..."}. The module list comes from
interp/src/modules/mod.rs's NATIVE_MODULES, so a new module is swept without
editing this file.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON38 = os.path.expanduser("~/.pyenv/versions/3.8.18/bin/python3.8")

BUILTIN_TYPES = [
    "object", "type", "int", "bool", "float", "complex", "str", "bytes",
    "bytearray", "memoryview", "list", "tuple", "dict", "set", "frozenset",
    "range", "slice", "property", "staticmethod", "classmethod", "super",
    "enumerate", "zip", "map", "filter", "reversed", "BaseException",
    "Exception", "OSError", "StopIteration", "SyntaxError", "UnicodeDecodeError",
    "KeyError", "ImportError",
]

# Types reached through values rather than builtins.
VALUE_TYPES = {
    "function": "(lambda: 0)",
    "generator": "(x for x in ())",
    "code": "(lambda: 0).__code__",
    "module": "sys",
    "method": "Probe().m",
    "builtin_function_or_method": "len",
    "NoneType": "None",
    "NotImplementedType": "NotImplemented",
    "ellipsis": "Ellipsis",
    "dict_keys": "{}.keys()",
    "dict_values": "{}.values()",
    "dict_items": "{}.items()",
    "list_iterator": "iter([])",
    "str_iterator": "iter('')",
    "range_iterator": "iter(range(0))",
    "frame": "sys._getframe()",
    "traceback": "tb()",
    "cell": "cell()",
}

PROBE = r'''
import json, sys
class Probe:
    def m(self): pass
def tb():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__
def cell():
    x = 1
    def f(): return x
    return f.__closure__[0]
out = {}
for name in MODULES:
    try:
        out["module " + name] = sorted(dir(__import__(name)))
    except BaseException as e:
        out["module " + name] = "%s: %s" % (type(e).__name__, e)
for name in TYPES:
    out["type " + name] = sorted(dir(getattr(__builtins__, name, None) or __import__("builtins").__dict__[name]))
for name, expr in VALUES.items():
    try:
        out["type " + name] = sorted(dir(type(eval(expr))))
    except BaseException as e:
        out["type " + name] = "%s: %s" % (type(e).__name__, e)
print(json.dumps(out))
'''


def native_modules():
    with open(os.path.join(ROOT, "interp/src/modules/mod.rs")) as f:
        text = f.read()
    table = text.split("pub const NATIVE_MODULES")[1].split("];")[0]
    return ["sys"] + re.findall(r'"([^"]+)"', table)


def probe(cmd, modules, types, values):
    src = "MODULES = %r\nTYPES = %r\nVALUES = %r\n%s" % (modules, types, values, PROBE)
    env = dict(os.environ)
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(ROOT, ".pycache"))
    res = subprocess.run([cmd, "-c", src], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if res.returncode != 0:
        sys.exit("%s failed:\n%s" % (cmd, res.stderr.decode(errors="replace")))
    return json.loads(res.stdout)


def main(argv):
    tachyon = os.path.join(ROOT, "target/release/tachyon")
    if argv and os.path.sep in argv[0]:
        tachyon = argv.pop(0)
    wanted = set(argv)
    modules = [m for m in native_modules() if not wanted or m in wanted]
    types = [t for t in BUILTIN_TYPES if not wanted or t in wanted]
    values = {k: v for k, v in VALUE_TYPES.items() if not wanted or k in wanted}
    want = probe(PYTHON38, modules, types, values)
    got = probe(tachyon, modules, types, values)
    total_missing = 0
    for key in want:
        w, g = want[key], got.get(key)
        if isinstance(w, str) or isinstance(g, str):
            if w != g:
                print("%s:\n  cpython: %s\n  tachyon: %s" % (key, w, g))
            continue
        missing = sorted(set(w) - set(g))
        extra = sorted(set(g) - set(w))
        total_missing += len(missing)
        if missing or extra:
            print("%s:" % key)
            if missing:
                print("  missing: " + " ".join(missing))
            if extra:
                print("  extra:   " + " ".join(extra))
    print("%d names missing in all" % total_missing)


if __name__ == "__main__":
    main(sys.argv[1:])
