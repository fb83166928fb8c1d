# needs `re` (_sre): move beside the other module scripts once _sre is merged.
import _thread
import threading
t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count(), t.daemon)
print(threading.get_ident() == _thread.get_ident())
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
cond = threading.Condition()
with cond:
    cond.notify_all()
    print(cond.wait(0.01))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
l2 = threading.Lock()
rl = threading.RLock()
with l2, rl, rl:
    print("locks ok")
local = threading.local()
local.value = [1]
print(local.value)
b = threading.Barrier(1)
print(b.wait())
