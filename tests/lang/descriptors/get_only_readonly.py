# A descriptor with __get__ and __delete__ but no __set__ is still a data
# descriptor; one with only __set__ also is, and reads fall back to it.
class DelOnly:
    def __get__(self, obj, owner):
        return "got"

    def __delete__(self, obj):
        print("deleting through descriptor")


class SetOnly:
    def __set__(self, obj, value):
        print("set", value)


class C:
    a = DelOnly()
    b = SetOnly()


c = C()
try:
    c.a = 1
except AttributeError as e:
    print("AttributeError", e)
del c.a
print(c.a)
c.b = 3
print(type(c.b).__name__)
c.__dict__["b"] = "dict value"
print(type(c.b).__name__)
print(C.__dict__["a"].__get__(None, C))
print(C.__dict__["a"].__get__(c, C))
