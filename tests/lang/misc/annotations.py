x: int = 5
y: "str"
def f(a: int, b: str = "d", *c: float, d: bool, **e: dict) -> list:
    return [a, b]
print(f.__annotations__)
print(__annotations__)
class C:
    attr: int
    other: str = "v"
print(C.__annotations__, C.other)
def g():
    z: int = 3
    return z
print(g())
