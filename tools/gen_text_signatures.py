# Writes interp/src/builtins/text_signatures.txt: the __text_signature__ of
# every builtin function and of every method in the dict of a built-in type,
# as CPython 3.8 gives them (run with python3.8 from the repository root).
# One line each, sorted: "owner.name<TAB>signature" (newlines as \n), owner
# "builtins" for the functions of the builtins module, else the defining
# type's __name__.
import builtins
import types

TYPES = {t for t in vars(builtins).values() if isinstance(t, type)}
TYPES |= {t for t in vars(types).values() if isinstance(t, type)}
SAMPLES = [[], (), range(1), "", b"", bytearray(), {}.keys(), {}.values(),
           {}.items(), {}, set(), frozenset(), reversed([]), reversed(range(1))]
TYPES |= {type(iter(s)) for s in SAMPLES}
TYPES |= {type({}.keys()), type({}.values()), type({}.items())}

lines = set()
for name, f in vars(builtins).items():
    sig = getattr(f, "__text_signature__", None)
    if sig and not isinstance(f, type):
        lines.add("builtins.%s\t%s" % (name, sig.replace("\n", "\\n")))
for t in TYPES:
    for name, f in vars(t).items():
        sig = getattr(f, "__text_signature__", None)
        if isinstance(sig, str) and sig:
            lines.add("%s.%s\t%s" % (t.__name__, name, sig.replace("\n", "\\n")))
with open("interp/src/builtins/text_signatures.txt", "w") as out:
    out.write("".join(line + "\n" for line in sorted(lines)))
