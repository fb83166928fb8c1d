# str.replace: no match, count 0, empty old, non-ASCII, subclasses, and which
# results are the receiver itself.
class S(str):
    pass
s = "user=u00123"
x, e = "x", ""
print(s.replace("user=", ""), s.replace(x, "y") is s, s.replace("u", "U", 0) is s, s.replace(e, "-"))
print(s.replace(e, "-", 2), "aaa".replace("a", "bb", 2), "éaé".replace("é", "e"), "abc".replace("b", "ü"))
t = S("abc")
for r in (t.replace("x", "y"), t.replace("b", "B"), t.replace("", "", 0)):
    print(type(r).__name__, r, r is t)
print("a-b-c".replace("-", "/"), "".replace("", "x"), "abc".replace("abc", ""))
