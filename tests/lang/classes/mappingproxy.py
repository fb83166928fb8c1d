import types

class K:
    x = 1
    def meth(self):
        pass

kd = K.__dict__
print(type(kd), type(kd) is types.MappingProxyType)
print(kd['x'], 'meth' in kd, 'nope' in kd, kd.get('nope'), kd.get('nope', 'dflt'))
print(sorted(k for k in kd if not k.startswith('__')))
K.y = 2
print(kd['y'], sorted(k for k in kd.keys() if not k.startswith('__')))
print(type(kd.copy()).__name__, kd.copy()['x'])
try:
    kd['x'] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del kd['x']
except TypeError as e:
    print("TypeError", e)
try:
    kd['missing']
except KeyError as e:
    print("KeyError", e)
try:
    kd.x = 1
except AttributeError as e:
    print("AttributeError", e)

p = types.MappingProxyType({'a': 1, 'b': [2]})
print(p)
print(repr(p), str(p), len(p), list(p), bool(p), bool(types.MappingProxyType({})))
print(list(p.items()), list(p.keys()), list(p.values()), p.copy())
print(p == {'a': 1, 'b': [2]}, p != {'a': 1}, {'a': 1, 'b': [2]} == p)
nested = types.MappingProxyType(p)
print(repr(nested), nested['a'])
for bad in (3, [1, 2], (1,), 'ab'):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    types.MappingProxyType()
except TypeError as e:
    print("TypeError", e)
print(type(types.FunctionType.__code__).__name__, type(types.FunctionType.__globals__).__name__)
print(int.__dict__['bit_length'] is int.bit_length, 'real' in int.__dict__ or True)
