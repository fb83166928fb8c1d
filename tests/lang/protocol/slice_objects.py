class S:
    def __getitem__(self, k):
        return k

s = S()
print(s[1:2], s[::3], s[:], s[1:2, 3], s[...], s[None], s[-1:])
sl = s[1:10:2]
print(sl.start, sl.stop, sl.step, type(sl).__name__, sl == slice(1, 10, 2))
print(slice(5), slice(1, 2), slice(1, 2, 3))
print(list(range(10))[slice(2, 8, 3)], "abcdef"[slice(None, None, -2)])
