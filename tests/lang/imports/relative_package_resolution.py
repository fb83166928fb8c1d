# How __import__ finds the package of a relative import: __package__, else
# __spec__.parent, else __name__/__path__ with an ImportWarning; and its
# errors for missing or wrong globals.
import warnings


class Spec:
    def __init__(self, parent):
        self.parent = parent


cases = [
    {'__package__': None, '__spec__': None, '__name__': '__main__'},
    {'__name__': '__main__'},
    {'__package__': None, '__name__': 'pkg.mod', '__path__': []},
    {'__package__': None, '__name__': 'pkg.mod'},
    {},
    None,
    {'__package__': 3},
    {'__package__': '', '__name__': 'x'},
    {'__spec__': Spec('nopkg')},
    {'__spec__': Spec(5)},
    {'__package__': 'nopkg', '__spec__': Spec('other')},
    {'__name__': 7},
]
for g in cases:
    for fromlist in [('foo',), None]:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                __import__('', g, {}, fromlist, 1)
            except Exception as e:
                print(type(e).__name__, e)
        for x in w:
            print("  warning:", x.category.__name__, x.message)

for args in [('x', None, None, [], 1), ('x', {}, None, [], 0)]:
    try:
        __import__(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    __import__('x', level=1)
except Exception as e:
    print(type(e).__name__, e)
