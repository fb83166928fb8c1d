class M(type): pass
for f in [lambda: M(5), lambda: M(1,2), lambda: type(1,2), lambda: M('a',(),{},1), lambda: type.__new__(M, 5)]:
  try: print(f())
  except TypeError as e: print(e)
print(str.maketrans.__qualname__, dict.fromkeys.__qualname__, bytes.maketrans.__qualname__, int.from_bytes.__qualname__)
print(type(5), type('a'))
class N(type, metaclass=M): pass
try:
    N(5)
except TypeError as e:
    print(e)
print(str.maketrans('a', 'b'), bytes.maketrans(b'a', b'b')[97])
