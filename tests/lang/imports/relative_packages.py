# Relative imports at one and two levels, __all__ in star imports,
# __package__/__name__, and a relative import beyond the top level.
import sys
sys.path.insert(0, "_support")
import relpkg
from relpkg import *
from relpkg.sub import summary
from relpkg.helpers import parent_value
import relpkg.sub.leaf as leaf

print(VALUE, shout())
print("extra" in dir(), "_private" in dir(), "helpers" in dir())
print(summary)
print(parent_value(), leaf.leaf_name)
print(relpkg.__package__, relpkg.sub.__package__, relpkg.sub.leaf.__name__)
print(sorted(k for k in vars(relpkg) if not k.startswith("__")))
try:
    from relpkg import missing_thing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    exec("from . import anything")
except ImportError as e:
    print(type(e).__name__, e)
