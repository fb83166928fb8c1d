import time
print(time.strptime('2020-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'))
print(time.CLOCK_MONOTONIC, time.CLOCK_REALTIME, time._STRUCT_TM_ITEMS)
a = time.clock_gettime(time.CLOCK_MONOTONIC); b = time.clock_gettime(time.CLOCK_MONOTONIC); print(b >= a)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1, type(time.clock_gettime_ns(0)).__name__)
print(time.thread_time() >= 0, time.tzset(), time.clock_getres(0))
try: time.clock_gettime(99)
except OSError as e: print(e)
try: time.strptime('x', '%Y')
except ValueError as e: print(e)
import datetime
print(datetime.datetime.strptime('2021-03-04', '%Y-%m-%d'))
