# time: the clocks move forward and sleep waits (values themselves vary).
import time

t0, p0, m0, c0 = time.time(), time.perf_counter(), time.monotonic(), time.process_time()
n0 = time.perf_counter_ns()
time.sleep(0.01)
print(time.time() > 1.5e9, time.perf_counter() - p0 >= 0.009, time.monotonic() >= m0, time.process_time() >= c0)
print(type(time.time_ns()).__name__, time.perf_counter_ns() > n0, type(time.monotonic_ns()).__name__)
print(abs(time.time_ns() / 1e9 - time.time()) < 1)
print(time.process_time_ns() >= 0)

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("sleep neg", lambda: time.sleep(-1))
show("sleep str", lambda: time.sleep("1"))
show("sleep nan", lambda: time.sleep(float("nan")))
show("time arg", lambda: time.time(1))
show("sleep 0", lambda: time.sleep(0))
