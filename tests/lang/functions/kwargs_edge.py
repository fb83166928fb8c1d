def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 4, "z": 0}))

def g(**kw):
    return kw
print(g(**{"a": 1}, **{"b": 2}))
try:
    g(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    g(a=1, **{"a": 2})
except TypeError as e:
    print(e)

def self_kw(self, **kw):
    return self, kw
print(self_kw(1, self2=2))
def h(a, b):
    return a - b
print(h(b=1, a=5))
args = (1,)
kwargs = {"b": 10}
print(h(*args, **kwargs))
print((lambda *, k: k)(k="kw only"))
def defaults_eval():
    print("evaluating default")
    return 5
def uses(x=defaults_eval()):
    return x
print(uses(), uses(1))
