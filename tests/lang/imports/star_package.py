from _support.pkg2 import *
print(sorted(k for k in ["alpha", "beta"] if k in dir()) if False else sorted([k for k in ("alpha", "beta", "A") if k in globals()]))
print(alpha.A, beta.B)
