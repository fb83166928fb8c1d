class GetOnly:
    def __get__(self, obj, owner):
        return "GetOnly"
class GetSet:
    def __get__(self, obj, owner):
        return "GetSet"
    def __set__(self, obj, v):
        print("GetSet.__set__", v)
class SetOnly:
    def __set__(self, obj, v):
        print("SetOnly.__set__", v)
class DelOnly:
    def __get__(self, obj, owner):
        return "DelOnly"
    def __delete__(self, obj):
        print("DelOnly.__delete__")

class C:
    g = GetOnly()
    gs = GetSet()
    so = SetOnly()
    do = DelOnly()

c = C()
c.__dict__.update if False else None
c.g = "inst g"
print(c.g)
c.gs = "ignored"
print(c.gs)
c.so = 1
print(type(c.so).__name__)
print(c.do)
del c.do
try:
    c.do = 5
except AttributeError as e:
    print("AttributeError", e)
print(C.g, C.gs, type(C.so).__name__)
class Meta(type):
    def __getattr__(cls, name):
        return "meta getattr " + name
class M(metaclass=Meta):
    x = 1
print(M.x, M.anything)
try:
    M().anything
except AttributeError as e:
    print(e)
