from .core import VALUE as V


def loud(s):
    return s.upper() + "!"


def parent_value():
    return V
