# Lookup order: data descriptor on the type, then instance dict, then
# non-data descriptor / class attribute, then __getattr__.
log = []


class Desc:
    def __init__(self, data):
        self.data = data

    def __get__(self, obj, owner):
        log.append("get")
        return "descriptor"

    if True:
        def __set__(self, obj, value):
            log.append("set")


class NonDesc:
    def __get__(self, obj, owner):
        return "nondata"


class C:
    data = Desc(True)
    nondata = NonDesc()
    plain = "class attr"

    def __getattr__(self, name):
        return "fallback " + name


c = C()
c.__dict__.update(data="inst", nondata="inst", plain="inst")
print(c.data, c.nondata, c.plain, c.missing)
del c.__dict__["plain"]
print(c.plain)
print(log)
print(getattr(c, "other"), hasattr(c, "anything"))
