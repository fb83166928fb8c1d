# Module-level __getattr__ and __dir__ (PEP 562).
import warnings

_renamed = {"old_name": "new_name"}
new_name = "the new thing"


def __getattr__(name):
    if name in _renamed:
        return globals()[_renamed[name]] + " (via " + name + ")"
    if name == "computed":
        return sum(range(5))
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def __dir__():
    return ["computed", "new_name", "old_name"]
