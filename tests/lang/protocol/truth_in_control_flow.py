class Flag:
    def __init__(self, n):
        self.n = n
    def __bool__(self):
        print("bool called", self.n)
        return self.n > 0

f = Flag(2)
while f:
    f.n -= 1
if Flag(0) or Flag(1):
    print("or true")
print(not Flag(0), Flag(1) and "and-value")
x = "yes" if Flag(3) else "no"
print(x, [i for i in range(3) if Flag(i)])
assert Flag(5)
print(all([Flag(1), Flag(2)]), any([Flag(0), Flag(0)]))
