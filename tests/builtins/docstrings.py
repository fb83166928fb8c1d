# Built-in functions, methods and types carry CPython 3.8's docstrings
# (what help() and __doc__ show); a class of ours has its own or None.
import types
print(len.__doc__)
print(str.upper.__doc__)
print([].append.__doc__)
print(int.__doc__)
print(dict.fromkeys.__doc__)
print({}.fromkeys.__doc__)
print(object.__doc__)
print(int.__add__.__doc__)
print((1).__add__.__doc__)
print(print.__doc__)
print(types.FunctionType.__doc__)
class X(int): pass
print(X.__doc__, X().bit_length.__doc__)
print(sorted.__doc__)
print(str.__doc__)
print(range.__doc__, range(3).count.__doc__)
