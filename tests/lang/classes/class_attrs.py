class C:
    "class doc"
    x = 1

print(C.__doc__, C.x)
C.y = 2
print(C.y, C().y)
del C.x
print(hasattr(C, 'x'))
c = C()
c.y = 5
print(c.y, C.y)
print('y' in C.__dict__)
print(C.__class__, type(c).__class__)
try:
    C.missing
except AttributeError as e:
    print(e)
try:
    c.missing
except AttributeError as e:
    print(e)
class Empty: pass
print(repr(Empty.__doc__))
