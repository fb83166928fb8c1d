import sys
print(sys.getsizeof(0), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof('é'), sys.getsizeof('€'), sys.getsizeof('😀'), sys.getsizeof(b''), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'ab')), sys.getsizeof(()), sys.getsizeof((1,2)), sys.getsizeof([]), sys.getsizeof([1,2,3]), sys.getsizeof({}), sys.getsizeof({1:2}), sys.getsizeof(set()), sys.getsizeof(1.0), sys.getsizeof(1j), sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(range(3)), sys.getsizeof(object()), sys.getsizeof(frozenset()))
class A: pass
class B:
  def __sizeof__(self): return 100
print(sys.getsizeof(A()), sys.getsizeof(B()), sys.getsizeof([1]*10), sys.getsizeof(list(range(10))), sys.getsizeof({i:i for i in range(10)}), sys.getsizeof(set(range(10))))
print((1).__sizeof__(), [].__sizeof__(), object().__sizeof__(), 'ab'.__sizeof__(), (1,2).__sizeof__())
try: sys.getsizeof(1, 2, 3)
except Exception as e: print(e)
print(sys.getsizeof(1, 5))
print(sys.gettrace(), sys.getprofile(), sys.getswitchinterval())
sys.setswitchinterval(0.01); print(sys.getswitchinterval())
sys.settrace(None)
sys.displayhook(5); print(_)
print(sys.call_tracing(max, (1, 2)))
