class C: pass
print(C, repr(C), str(C), type(C), type(type))
print(int, str, object, type(None), type(len).__name__)
print(C.__module__, C.__name__)
class M(type): pass
class K(metaclass=M): pass
print(K, type(K))
print(ValueError, type(ValueError("x")))
