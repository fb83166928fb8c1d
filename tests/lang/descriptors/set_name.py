# __set_name__: called at class creation with the owner and the name, for
# every attribute that has it, in definition order; not for later setattr.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset " + self.name)


class Model:
    x = Field()
    y = Field()
    same = x


m = Model()
print(m.x, m.y, Model.same.name)
Model.z = Field()
print(hasattr(Model.z, "name"))


class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope " + name)


try:
    class Broken:
        attr = Bad()
except RuntimeError as e:
    print("RuntimeError", e)
    print("cause", repr(e.__cause__))
