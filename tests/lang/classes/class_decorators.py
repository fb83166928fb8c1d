def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in sorted(self.__dict__.items())) if False else ", ".join([f"{k}={v!r}" for k, v in sorted(self.__dict__.items())])
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco

REG = {}

@register(REG)
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(Point(1, "a"), REG)

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v=1):
        self.v = v
print(Config(5) is Config(), Config().v, type(Config).__name__)
