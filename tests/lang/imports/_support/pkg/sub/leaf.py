from ...pkg import PKG_CONST
LEAF = "leaf sees " + PKG_CONST
