# Writes interp/src/builtins/docstrings.txt: the __doc__ of every builtin
# function, of every method in the dict of a built-in type, and of those
# types themselves, as CPython 3.8 gives them (run with python3.8 from the
# repository root). The types are those tools/gen_text_signatures.py
# covers. One line each, sorted: "owner.name<TAB>doc", owner "builtins" for
# the functions of the builtins module, else the defining type's __name__;
# a type's own doc is "TYPE.__doc__". In the doc, backslash, newline and
# tab are written \\, \n and \t.
import builtins
import types

TYPES = {t for t in vars(builtins).values() if isinstance(t, type)}
TYPES |= {t for t in vars(types).values() if isinstance(t, type)}
SAMPLES = [[], (), range(1), "", b"", bytearray(), {}.keys(), {}.values(),
           {}.items(), {}, set(), frozenset(), reversed([]), reversed(range(1))]
TYPES |= {type(iter(s)) for s in SAMPLES}
TYPES |= {type({}.keys()), type({}.values()), type({}.items())}


def escape(doc):
    return doc.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


lines = set()
for name, f in vars(builtins).items():
    doc = getattr(f, "__doc__", None)
    if isinstance(doc, str) and doc and not isinstance(f, type) and callable(f):
        lines.add("builtins.%s\t%s" % (name, escape(doc)))
for t in TYPES:
    # The type's own doc is its tp_doc, which `T.__doc__` reads even where
    # the dict's "__doc__" is a descriptor for the instances (function).
    if isinstance(t.__doc__, str) and t.__doc__:
        lines.add("%s.__doc__\t%s" % (t.__name__, escape(t.__doc__)))
    for name, f in vars(t).items():
        if name == "__doc__":
            continue
        if callable(f) or isinstance(f, (classmethod, staticmethod)):
            doc = getattr(f, "__doc__", None)
        else:
            continue
        if isinstance(doc, str) and doc:
            lines.add("%s.%s\t%s" % (t.__name__, name, escape(doc)))
with open("interp/src/builtins/docstrings.txt", "w") as out:
    out.write("".join(line + "\n" for line in sorted(lines)))
