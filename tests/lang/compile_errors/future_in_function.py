"""doc"""
from __future__ import annotations
from __future__ import division
x = 1
def f():
    from __future__ import annotations
