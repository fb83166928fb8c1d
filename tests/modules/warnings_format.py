# needs `re` (_sre): move beside the other module scripts once _sre is merged.
import warnings
def f():
    warnings.warn("careful", DeprecationWarning, stacklevel=2)
warnings.warn("shown on stderr")
warnings.simplefilter("always")
f()
warnings.warn("again %d" % 1, RuntimeWarning)
print("done")
