# sys.breakpointhook honours $PYTHONBREAKPOINT: "0" turns breakpoint()
# off, a dotted name is imported and called with the arguments, a name
# that does not import is a RuntimeWarning.
import os
import sys
import warnings

os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'builtins.print'
print(breakpoint(1, 2, sep='-'))
os.environ['PYTHONBREAKPOINT'] = 'len'
print(breakpoint("abc"))
for envar in ['.', '..', '.foo', 'foo.', '.int', 'int.', '.foo.bar', '..foo.bar', '/./',
              'nosuchbuiltin', 'nosuchmodule.nosuchcallable']:
    os.environ['PYTHONBREAKPOINT'] = envar
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        print(breakpoint())
    print([(str(x.message), x.category.__name__) for x in w])
os.environ['PYTHONBREAKPOINT'] = 'sys.exit'
sys.breakpointhook = lambda *a: print("own hook", a)
breakpoint(1)
sys.breakpointhook = sys.__breakpointhook__
os.environ['PYTHONBREAKPOINT'] = 'os.getcwd'
print(breakpoint() == os.getcwd())
