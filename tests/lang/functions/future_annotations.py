"""PEP 563: annotations stored as their source text."""
from __future__ import annotations

import typing


class Tree:
    def __init__(self, left: Tree | None, value: int, right: Tree | None) -> None:
        self.left = left

    def walk(self, depth: int = 0, *rest: str, key: typing.Dict[str, typing.List[int]] = None, **kw: float) -> typing.Iterator[int]:
        yield depth


x: Tree = None
y: typing.Optional[Tree]
z: 'quoted' = 1


def f(a: a.b[c:d, ::2], b: [1, 2.5, 'x', b'y', ...], c: {1: 2, **d}, e: f(g, h=i, *j, **k)) -> -(a + b) * c ** -d // e:
    pass


print(Tree.__init__.__annotations__)
print(Tree.walk.__annotations__)
print(__annotations__)
print(f.__annotations__)
print(Tree(None, 1, None).left)
