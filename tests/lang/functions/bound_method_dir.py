# A bound method's attributes come from its function (its `__dict__` is
# the function's), so dir() of the method lists what was set on the
# function as well as the method type's own names.


class F:
    def a(self):
        pass


F.a.known_attr = 7
f = F()
m = f.a
print(m.known_attr, m.__dict__)
names = dir(m)
print("known_attr" in names, "__func__" in names, "__self__" in names)
print([n for n in names if not n.startswith("__")])
F.a.other = 1
print([n for n in dir(f.a) if not n.startswith("__")])
try:
    m.new_attr = 1
except AttributeError as e:
    print("AttributeError:", e)
