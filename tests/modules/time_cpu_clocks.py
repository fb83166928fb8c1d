# process_time and thread_time count the CPU time the program spends (the
# interpreter runs on a thread of its own, which they must include).
import time

p0, t0, m0 = time.process_time(), time.thread_time(), time.monotonic()
n = pow(3, 400000)
for _ in range(6):
    n = n * n % (10**90000 + 7)
p1, t1 = time.process_time(), time.thread_time()
print(p1 - p0 > 0.005, t1 - t0 > 0.005)
print(type(time.process_time_ns()).__name__, time.process_time_ns() >= int(p1 * 1e9) - 10**6)
print(type(time.thread_time_ns()).__name__, time.thread_time_ns() > 0)
