# str.join over lists, tuples, generators and str subclasses (its errors and
# the one-item identity), one-character strs shared as in CPython, and str
# comparisons beside str subclasses.
class S(str):
    pass
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: ",".join(["a", "b", "c"]))
show(lambda: ",".join(("a",)))
show(lambda: ",".join([S("a")]))
show(lambda: S(",").join(["x", "y"]))
show(lambda: ",".join([]))
show(lambda: ",".join(x for x in "abc"))
show(lambda: ",".join(["a", 1]))
show(lambda: ",".join(iter(["a", None])))
show(lambda: ",".join(5))
show(lambda: "é".join(["a", "b"]))
show(lambda: "".join(["\ud800", "\udc00"]))
show(lambda: len("".join(["\ud800", "\udc00"])))
l = ["q"]
print(",".join(l) is l[0])
show(lambda: ",".join({"k": 1, "j": 2}))
class L(list):
    def __iter__(self):
        return iter(["over"])
show(lambda: ",".join(L(["a", "b"])))
def g():
    yield "a"
    raise ValueError("boom")
show(lambda: ",".join(g()))
print("a" < "b", "b" <= "a", "é" > "z", "ab" == "ab", "x" != "x", S("a") == "a", "a" < S("b"))
s = "abc"
a, c, z = "a", "c", "z"
xa = "xa"
print(s[0] is xa[1], chr(98) is s[1], s[2:3] is c[0], [ch is a for ch in "aba"])
print("".join(ch for ch in "hello" if ch != "l"), "%s" % z is z)
