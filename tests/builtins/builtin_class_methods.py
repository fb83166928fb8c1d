# Class methods of built-in types (dict.fromkeys, int.from_bytes, ...) bind as
# CPython's classmethod_descriptor: built-in methods of the class, with
# their __text_signature__; classmethod() of a builtin is a bound method.
import re
def show(x): print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(x)))
for m in (int.from_bytes, object.__init_subclass__, object.__subclasshook__, bytes.fromhex, float.fromhex, dict.fromkeys, {}.fromkeys, bytearray.fromhex):
    show(m); print(m.__name__, m.__qualname__, m.__self__, m.__text_signature__)
class D(dict): pass
show(D.fromkeys); print(D.fromkeys('ab'), type(D.fromkeys('ab')), D().fromkeys([1], 2))
print(int.from_bytes(b'\x01\x00', 'little'), bool.from_bytes(b'\x01', 'big'))
class E(Exception): pass
class F:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
        super().__init_subclass__()
class G(F, x=1): pass
print(D.__subclasshook__(), float.fromhex('0x1p3'))
cm = classmethod(len)
class H: f = cm
show(H.f)
