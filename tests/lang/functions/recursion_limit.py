import sys
sys.setrecursionlimit(100)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(50 < d < 100)
sys.setrecursionlimit(1000)

class Node:
    def __init__(self, child=None):
        self.child = child
    def size(self):
        return 1 + (self.child.size() if self.child else 0)

n = None
for _ in range(500):
    n = Node(n)
print(n.size())

def mutual_a(n):
    return mutual_b(n) if n else 0
def mutual_b(n):
    return mutual_a(n - 1) + 1
print(mutual_a(300))
try:
    mutual_a(10 ** 6)
except RecursionError:
    print("RecursionError caught")
