# PEP 562: module __getattr__ for missing names (attribute access and
# from-import), module __dir__, and AttributeError messages.
import sys
sys.path.insert(0, "_support")
import dyn_attrs
from dyn_attrs import old_name, computed

print(dyn_attrs.new_name)
print(old_name)
print(computed, dyn_attrs.computed)
print(dir(dyn_attrs))
try:
    dyn_attrs.nothing_here
except AttributeError as e:
    print("AttributeError", e)
try:
    from dyn_attrs import nothing_either
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
print(getattr(dyn_attrs, "absent", "default"), hasattr(dyn_attrs, "old_name"))
try:
    sys.no_such_attribute
except AttributeError as e:
    print("AttributeError", e)
