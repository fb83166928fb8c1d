class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), bool(p))
print(str(p) == repr(p), format(p, "") == str(p))
print(Plain.__bases__, Plain.__mro__[-1], type(p).__mro__ == Plain.__mro__)
print(isinstance(Plain, type), isinstance(p, object), issubclass(Plain, object))
print(p.__class__ is Plain, Plain.__class__ is type, type.__class__ is type)
print(object.__eq__(p, p), object.__eq__(p, q), object.__ne__(p, q))
print(p.__eq__(q), p.__ne__(p))
