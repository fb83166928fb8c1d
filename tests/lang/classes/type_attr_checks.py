# type() and class attribute assignment check names, qualnames and docs as
# CPython does; __base__ is the base that brings the layout; the singleton
# types construct their one instance; sum() refuses a bytearray start;
# a class statement needs __build_class__ in the builtins it runs with.
for const in None, Ellipsis, NotImplemented:
    tp = type(const)
    print(tp() is const)
    for a, k in [((1, 2), {}), ((), {'a': 1})]:
        try:
            tp(*a, **k)
        except TypeError as e:
            print(e)
for bad in ['A\x00B', 'A\udcdcB', b'A']:
    try:
        type(bad, (), {})
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
A = type('C', (), {})
for bad in ['A\x00B', 'A\udcdcB', b'A']:
    try:
        A.__name__ = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, A.__name__)
for bad in [b'B']:
    try:
        A.__qualname__ = bad
    except TypeError as e:
        print(e)
try:
    del A.__qualname__
except TypeError as e:
    print(e)
try:
    del A.__name__
except TypeError as e:
    print(e)
try:
    type('A', (), {'__doc__': 'x\udcdcy'})
except UnicodeEncodeError as e:
    print('UEE')
class B:
    pass
C = type('C', (B, int), {})
print(C.__base__, B.__base__)
class E(B, Exception): pass
print(E.__base__)
try:
    sum([], bytearray(b''))
except TypeError as e:
    print(e)
try:
    exec(compile("class A: pass", "", "exec"), {'__builtins__': {}})
except NameError as e:
    print(e)
class M(type): pass
class Q(metaclass=M): pass
print(type(Q))
