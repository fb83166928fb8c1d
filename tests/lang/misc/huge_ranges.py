# Ranges beyond 64 bits: len() overflows as in CPython, while indexing,
# slicing, membership, index/count, iteration and reversal work.
r = range(10**20)
for expr in ["len(r)", "r[10**19]", "r[-1]", "r[-10**20]", "r.index(10**19)", "r.count(5)",
             "r[::2]", "r[10**19:]", "len(r[::2])", "r[::-1][0]", "r[::-1]", "r[-5::-3]",
             "r[10**30:]", "r[:-10**30]", "r[::10**19]", "bool(r)", "10**19 in r", "-1 in r",
             "10**20 in r", "repr(r[5:10**19:3])", "next(reversed(r))", "next(iter(r))",
             "r.index(-1)", "range(0, 10**20, 10**19)[3]", "len(range(2**62))",
             "len(range(2**63))", "next(iter(range(2**62, 2**63+5)))",
             "sum(1 for _ in range(2**63-2, 2**63+2))", "list(range(2**64, 2**64+3))",
             "list(reversed(range(2**64, 2**64+3)))", "range(10**20)[10**20]",
             "range(5)[10**20]", "range(5)[-10**20]", "r.count(10**20)",
             "list(range(-2**70, -2**70 + 10, 4))", "2**70 + 3 in range(2**70, 2**71, 3)",
             "range(2**70, 2**71, 3)[1:3]", "list(range(10, 2**65, 2**63))",
             "range(10**20)[True]", "r['a']", "r[1.5]", "r[::0]"]:
    try:
        print(expr, '->', eval(expr))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
