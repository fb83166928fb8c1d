class Field:
    def __init__(self, default=None):
        self.default = default
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Model:
    id = Field(0)
    name = Field("anon")

class User(Model):
    email = Field("")

u = User()
u.name = "bob"
print(u.id, u.name, u.email, User.email.owner, User.name.owner, User.email.private)
u2 = User()
print(u2.name, sorted([k for k in vars(u)]) if False else sorted(u.__dict__))
f = Field()
User.late = f
print(hasattr(f, "name"))
