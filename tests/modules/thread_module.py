# _thread's locks, RLock, identity, and the parts of threading that work
# on the one main thread.
import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
for args, kw in [((False, 1), {}), ((True, -5), {})]:
    try:
        lock.acquire(*args, **kw)
    except ValueError as e:
        print("ValueError", e)
print(isinstance(lock, _thread.LockType), _thread.error is RuntimeError)
print(type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident())
print(_thread.TIMEOUT_MAX > 1e9, _thread._count(), _thread.stack_size())

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested")

loc = _thread._local()
loc.x = 5
print(loc.x)

