import sys
tests = [
 "list(reversed(range(10**20)))",
 "len(range(10**20))",
 "tuple(range(10**20))",
 "sorted(range(10**20))",
 "10**19 in range(10**20)",
 "range(10**20).index(10**19)",
 "range(10**20).count(5)",
 "range(10**20)[10**19:]",
 "range(10**20)[::-1][0]",
 "next(iter(range(10**20)))",
 "next(enumerate(range(10**20)))",
 "next(reversed(range(10**20)))",
 "list(range(10**20))",
 "[*range(10**20)]",
 "max(range(10**20)[:3])",
 "range(10**20) == range(10**20)",
 "hash(range(10**20))==hash(range(10**20))",
 "'x'*(10**20)",
 "[1]*(10**20)",
 "sum(range(10**20)[:5])",
 "dict.fromkeys(range(10**20)[:3])",
 "list(zip(range(10**20), 'ab'))",
]
for t in tests:
    try:
        print(t, '->', repr(eval(t))[:80])
    except BaseException as e:
        print(t, '!!', type(e).__name__, e)
