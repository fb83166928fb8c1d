class Field:
    def __set_name__(self, owner, name):
        if name.startswith("_"):
            raise ValueError("private fields are not allowed: " + name)

class Model:
    ok = Field()
    _hidden = Field()
