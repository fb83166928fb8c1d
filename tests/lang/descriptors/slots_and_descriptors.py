# Descriptors found on the type: member descriptors beside properties,
# user data descriptors overriding slots in subclasses, __set_name__,
# and instance attributes shadowing non-data descriptors.
class Logged:
    def __set_name__(self, owner, name):
        self.name = '_' + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return ('logged', getattr(obj, self.name, None))

    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)


class Slotted:
    __slots__ = ('_v', 'w')
    v = Logged()


s = Slotted()
s.v = 4
print(s.v, s._v, type(Slotted.__dict__['_v']).__name__)


class Override(Slotted):
    w = property(lambda self: 'property wins')


o = Override()
print(o.w)
try:
    o.w = 1
except AttributeError as e:
    print("AttributeError", e)
Slotted.w.__set__(o, 'stored via member')
print(Slotted.w.__get__(o), o.w)


class NonData:
    def __get__(self, obj, owner=None):
        return 'from descriptor'


class Holder:
    nd = NonData()


h = Holder()
print(h.nd)
h.__dict__['nd'] = 'from instance'
print(h.nd)
del h.nd
print(h.nd)
print(isinstance(Slotted.w, object), hasattr(Slotted.w, '__set__'), hasattr(Logged(), '__delete__'))
