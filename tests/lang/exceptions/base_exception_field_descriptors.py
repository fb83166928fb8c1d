# BaseException's args, __cause__, __context__, __traceback__ (getset
# descriptors) and __suppress_context__ (a member) live in the type dict,
# not in the instance __dict__; a subclass may override them.
e = Exception(1)
print(e.__dict__, vars(e))
d = BaseException.__dict__
print([k for k in ('args', '__cause__', '__context__', '__traceback__', '__suppress_context__', '__dict__') if k in d])
for k in ('args', '__cause__', '__context__', '__traceback__', '__suppress_context__'):
    print(k, type(d[k]).__name__, repr(d[k]), d[k].__get__(e))
print(BaseException.args is d['args'], KeyError.args is d['args'])
d['args'].__set__(e, [3, 4])
print(e.args)
try:
    d['args'].__set__(1, ())
except TypeError as x:
    print(x)
try:
    del e.args
except TypeError as x:
    print(x)
class E(Exception):
    args = property(lambda self: 'mine')
print(E(1).args)
class F(Exception):
    pass
f = F(5)
f.extra = 1
print(f.__dict__, f.args)
f.__suppress_context__ = True
print(f.__suppress_context__, f.__dict__)
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise ValueError(2)
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__, type(v.__traceback__).__name__)
    print(d['__context__'].__get__(v), d['__traceback__'].__get__(v) is v.__traceback__)
