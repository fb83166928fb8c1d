# Long strings built by repeated concatenation (`s += piece`): text, length,
# hash, indexing and slicing match the same text built by join; earlier
# values seen through other names never change.

pieces = ["line %d: %s\n" % (i, "x" * (i % 7)) for i in range(20000)]
s = ""
snapshots = []
for i, p in enumerate(pieces):
    s += p
    if i % 5000 == 0:
        snapshots.append((i, s))
joined = "".join(pieces)
print(len(s), len(joined), s == joined, hash(s) == hash(joined))
print(repr(s[:30]), repr(s[-30:]), s[12345], s[-1] == "\n")
for i, snap in snapshots:
    assert snap == "".join(pieces[: i + 1]), i
print("snapshots intact:", len(snapshots))

# Aliases keep their text while the original keeps growing.
t = s
s += "tail"
print(t.endswith("\n"), s.endswith("tail"), len(s) - len(t))

# Both orders, and a str grown on both sides.
u = "m" * 300
for i in range(2000):
    u = str(i % 10) + u + str(i % 7)
print(len(u), u[:12], u[-12:], u.count("m"), u.index("m"))

# Non-ASCII text and lone surrogates keep their code points.
w = ""
for i in range(1000):
    w += "é日🐍" if i % 2 else "ascii"
print(len(w), w[2501], w[-3:], w.encode("utf-8")[-8:], w.isascii())
sur = "\ud800" * 200
for _ in range(3):
    sur = sur + "\udc00" * 100
print(len(sur), repr(sur[198:202]), sur.encode("utf-16", "surrogatepass")[:6])

# Used as dict keys, compared, searched, formatted, written out.
d = {s: 1}
print(d.get(t + "tail"), (t + "tail") in d, s > t, "line 19999" in s)
print(f"{len(s):,}", "%.20s" % s, s.split("\n")[19998], str(len(s.encode())))

# A mix of reads and appends.
log = ""
lengths = []
for i in range(3000):
    log += "event %d;" % i
    if i % 1000 == 999:
        lengths.append((len(log), log.count(";"), log[-10:]))
print(lengths)
