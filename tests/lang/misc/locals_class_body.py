class C:
    a = 1
    b = 2
    names = sorted(k for k in locals() if not k.startswith("__")) if False else None
    snapshot = sorted([k for k in dict(locals()) if not k.startswith("__")])
print(C.snapshot)
def f(x, y=2):
    z = 3
    return sorted(locals().items())
print(f(1))
