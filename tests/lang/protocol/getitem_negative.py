class Seq:
    def __len__(self):
        return 5
    def __getitem__(self, i):
        print("getitem", i)
        if isinstance(i, int) and not -5 <= i < 5:
            raise IndexError(i)
        return i

s = Seq()
print(s[-1], s[0])
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
print(list(s) if False else [s[i] for i in range(len(s))])
