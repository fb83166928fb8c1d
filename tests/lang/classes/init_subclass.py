class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))

class A(Base, tag="a"):
    pass

class B(A):
    pass

print(Base.registry)

class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)

print(G[int], G[1, 2])
