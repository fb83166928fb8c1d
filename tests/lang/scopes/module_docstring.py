"""Module docstring here."""
print(__doc__)
def f():
    """Function doc."""
print(f.__doc__)
class C:
    """Class doc."""
    def m(self):
        "method doc"
print(C.__doc__, C.m.__doc__)
def g():
    x = 1
    "not a docstring"
print(g.__doc__)
