print("pkg init", __name__, __package__)
from .helper import helper_fn
PKG_CONST = "pkg-const"
