# A class attribute `__class__` shadows object.__class__, and isinstance
# falls back on it (unittest.mock's spec relies on both).
from unittest import mock


class Spec:
    def method(self):
        return 1


class Pretender:
    __class__ = Spec


p = Pretender()
print(p.__class__ is Spec, type(p) is Pretender)
print(isinstance(p, Spec), isinstance(p, Pretender), isinstance(p, object))
print(isinstance(p, (int, Spec)), issubclass(Pretender, Spec))


class ByProperty:
    @property
    def __class__(self):
        return Spec


b = ByProperty()
print(b.__class__ is Spec, isinstance(b, Spec), isinstance(b, ByProperty))


class Raising:
    @property
    def __class__(self):
        raise AttributeError("no class")


print(isinstance(Raising(), Spec), isinstance(Raising(), Raising))


class NotAType:
    __class__ = 42


n = NotAType()
print(n.__class__, isinstance(n, int), isinstance(n, NotAType))


class Sub(Pretender):
    pass


s = Sub()
print(s.__class__ is Spec, isinstance(s, Spec), isinstance(s, Sub))
s.__dict__["__class__"] = int
print(s.__class__, isinstance(s, int))


class Plain:
    pass


q = Plain()
print(q.__class__ is Plain, isinstance(q, Spec))
q.__class__ = Sub
print(type(q) is Sub, q.__class__ is Spec)

m = mock.Mock(spec=Spec)
print(isinstance(m, Spec), m.__class__ is Spec, isinstance(m, mock.Mock))
nc = mock.NonCallableMagicMock(spec=Spec)
print(isinstance(nc, Spec))
m.__class__ = int
print(isinstance(m, int))
