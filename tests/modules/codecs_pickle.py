# The functions of _codecs (a module tachyon writes in Python) look like
# C functions: their __module__ and __self__ are the module, so pickle
# saves them by reference and bytes pickle below protocol 3.
import _codecs
import copy
import pickle

print(_codecs.encode.__module__, _codecs.encode.__self__ is _codecs, _codecs.encode.__name__)
print(repr(_codecs.encode), _codecs.encode.__qualname__)
print(_codecs.encode.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(b"ab\xff", proto)
    print(proto, pickle.loads(data), pickle.loads(pickle.dumps(_codecs.decode, proto)) is _codecs.decode)
print(pickle.loads(pickle.dumps([b"x", bytearray(b"y")], 2)))
print(copy.deepcopy(_codecs.lookup) is _codecs.lookup)
