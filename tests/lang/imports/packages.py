import _support.pkg
print(_support.pkg.PKG_CONST, _support.pkg.helper_fn())
from _support.pkg.sub import SUB, hf, leaf
print(SUB, hf(), leaf.LEAF)
import _support.pkg.sub.leaf as lf
print(lf.__name__, lf.__package__ if False else "pkg hidden")
print(_support.pkg.sub.leaf is lf, hasattr(_support.pkg, "helper"))
