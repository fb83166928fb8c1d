def names(prefix, n):
    return list(map((prefix + "{}").format, range(n)))

n = 60
args = names("a", n)
src = "def f(" + ", ".join(args) + "):\n    return " + " + ".join(args) + "\n"
ns = {}
exec(src, ns)
print(ns["f"](*range(n)))
src3 = "x = [" + ", ".join(map(repr, names("s", 300))) + "]\n"
exec(src3, ns)
print(len(ns["x"]), ns["x"][-1])
src5 = "d = {" + ", ".join(map("{0}: {0}".format, range(300))) + "}\n"
exec(src5, ns)
print(len(ns["d"]), ns["d"][299])
exec("def h(**k): return len(k)", ns)
print(eval("h(" + ", ".join(map("k{0}={0}".format, range(260))) + ")", ns))
print(eval("len([" + ", ".join(map(str, range(300))) + "])"))
print(eval("+".join(["1"] * 90)))
