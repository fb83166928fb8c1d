import _support.attrs_mod as m
print(m.bump(), m.bump(), m.counter, m.this is m)
m.counter = 100
print(m.bump())
m.new_attr = "set from outside"
from _support import attrs_mod
print(attrs_mod.new_attr, attrs_mod is m, m.__name__)
del m.new_attr
print(hasattr(m, "new_attr"))
try:
    m.missing
except AttributeError as e:
    print(e)
import sys
print(sys.modules["_support.attrs_mod"] is m, "_support" in sys.modules)
