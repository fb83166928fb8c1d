from .core import VALUE
from . import helpers
__all__ = ["VALUE", "shout"]


def shout():
    return helpers.loud(VALUE)


_private = "not exported"
extra = "not in __all__"
