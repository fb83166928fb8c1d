try:
    [][0]
except IndexError:
    raise KeyError("x") from None
