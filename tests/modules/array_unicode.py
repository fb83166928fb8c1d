# array('u'): items are checked when stored (one character each, any code
# point up to U+10FFFF, lone surrogates too); frombytes stores any 32-bit
# value and a value beyond U+10FFFF fails when read, as in CPython.
from array import array
a = array('u', 'abc')
for v in ['xy', 1, b'x', '\udc80', '\U0010ffff', '']:
    try: a.append(v); print('ok', a)
    except Exception as e: print(type(e).__name__, e)
try: a[0] = 'zz'
except Exception as e: print(type(e).__name__, e)
try: array('u', ['ab'])
except Exception as e: print(type(e).__name__, e)
try: array('u', [1])
except Exception as e: print(type(e).__name__, e)
try: a.extend(['q','rr'])
except Exception as e: print(type(e).__name__, e, a)
try: a.insert(0, 5)
except Exception as e: print(type(e).__name__, e, a)
try: a[0:1] = array('u','zz'); print(a)
except Exception as e: print(type(e).__name__, e, a)
print(ascii(a.tounicode()))
a.fromunicode('hi'); print(a)
try: a.fromunicode(b'hi')
except Exception as e: print(type(e).__name__, e, a)
try: a.index('nope')
except Exception as e: print(type(e).__name__, e, a)
print(a.count('h'), 'h' in a, 5 in a)
b = array('u', b'a\x00\x00\x00'.decode('latin1'))
print(b)
x = array('u'); x.frombytes(b'\x00\x00\x11\x00'); 
try: print(x[0])
except Exception as e: print(type(e).__name__, e)
try: print(x)
except Exception as e: print(type(e).__name__, e)
try: print(x.tounicode())
except Exception as e: print(type(e).__name__, e)
try: print(x.tolist())
except Exception as e: print(type(e).__name__, e)
try: print(list(x))
except Exception as e: print(type(e).__name__, e)
print(len(x), x.tobytes())
x = array('u'); x.frombytes(b'\x00\xd8\x00\x00'); print(ascii(x[0]), x)
try: x = array('u', 'ab'); x.fromlist(['c', 'dd']); 
except Exception as e: print(type(e).__name__, e, x)
