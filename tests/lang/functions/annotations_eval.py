# Annotations without the future import: evaluation order, class and
# module __annotations__, annotated assignment targets, and stringified
# forms under from __future__ import annotations in exec'd code.
order = []


def note(x):
    order.append(x)
    return x


def f(a: note('a'), *b: note('b'), c: note('c') = note('c-default'), **d: note('d')) -> note('ret'):
    pass


print(order)
print(f.__annotations__)


class C:
    x: int
    y: 'str' = 'hello'
    z: note('z')


print(C.__annotations__, C.y, 'x' in C.__dict__)
obj = C()
obj.attr: int = 5
lst = [0]
lst[0]: int = 7
print(obj.attr, lst)
ns = {}
exec("from __future__ import annotations\ndef g(x: List[int] = None) -> Dict[str, (a, b)]: pass\n"
     "v: Tuple[int, ...] = ()\n", ns)
print(ns['g'].__annotations__, ns['__annotations__'])
print(__annotations__ if '__annotations__' in dir() else 'no module annotations')
