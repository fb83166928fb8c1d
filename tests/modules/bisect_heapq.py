# _bisect and _heapq, through bisect and heapq: results, lo/hi, errors,
# tuples and classes with __lt__, and the max-heap helpers.
import bisect
import heapq
import _bisect
import _heapq

print(bisect.bisect is _bisect.bisect_right, heapq.heappush is _heapq.heappush)
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x, 2), bisect.bisect_left(a, x, 1, 4))
print(bisect.bisect_left(x=1, a=[0, 1, 2]), bisect.bisect_right([1, 2], 1, 0, -1), bisect.bisect_right([1, 2], 1, 0, -5),
      bisect.bisect_right([1], 1, 5), bisect.bisect_left("acegi", "d"), bisect.bisect_right((1, 3, 5), 3))
for c in ["bisect.bisect_right([1, 2], 1, -1)", "bisect.bisect_right([1, 2], 1, hi=None)", "bisect.bisect_right(1, 1)",
          "bisect.bisect_right([1, 2, 3], 2, 0, 10)", "bisect.bisect_left([1, 'a'], 2)", "bisect.insort(5, 1)",
          "bisect.bisect_right()", "heapq.heappush((), 1)", "heapq.heappop([])", "heapq.heapreplace([], 1)",
          "heapq.heapify(1)", "heapq.heappush([])", "heapq._heappop_max([])", "heapq._heapreplace_max([], 1)",
          "heapq.heappushpop([], 1)", "heapq.heappush([1], 'a')", "bisect.bisect_left([1], 1, lo=0, hi=1, x=3)"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)

s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, x)
    bisect.insort_left(s, x * 10)
print(s)

class L(list):
    def insert(self, i, x):
        print("insert", i, x)
        list.insert(self, i, x)

sub = L([1, 3])
bisect.insort_right(sub, 2)
print(sub)

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 6), data, heapq.heappushpop(data, 0), heapq.heappushpop(data, 20), data)
m = list(range(12))
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), m, heapq._heapreplace_max(m, 3), m)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), list(heapq.merge([1, 4], [2, 3])))

t = [(3, "c"), (1, "a"), (2, "b"), (1, "A")]
heapq.heapify(t)
print(t, heapq.heappop(t), heapq.heappop(t))

class Task:
    count = 0

    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        Task.count += 1
        return self.prio < other.prio

    def __repr__(self):
        return "Task(%d, %s)" % (self.prio, self.name)

tasks = [Task(p, n) for p, n in [(3, "x"), (1, "y"), (2, "z"), (5, "w"), (4, "v"), (0, "u")]]
heapq.heapify(tasks)
print(tasks, Task.count)
order = []
while tasks:
    order.append(heapq.heappop(tasks).name)
print(order, Task.count)
print(bisect.bisect([Task(1, "a"), Task(3, "b")], Task(2, "c")), Task.count)

class Shrink:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False

bad = []
bad.append(Shrink(bad))
bad.append(Shrink(bad))
try:
    heapq.heappush(bad, Shrink(bad))
except RuntimeError as e:
    print("RuntimeError", e)

big = list(range(5000, 0, -1))
heapq.heapify(big)
print(big[:10], [heapq.heappop(big) for _ in range(5)], len(big))
