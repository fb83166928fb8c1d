# A metaclass __call__ controls instantiation: singletons, skipping
# __init__, and counting instances.
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__, args, kwargs)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("init", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value)


class NoInit(type):
    def __call__(cls, *args):
        obj = cls.__new__(cls)
        obj.args = args
        return obj


class P(metaclass=NoInit):
    def __init__(self):
        raise AssertionError("never called")


p = P(1, 2)
print(p.args, type(p).__name__)


class Counting(type):
    count = 0

    def __call__(cls, *a, **k):
        Counting.count += 1
        return type.__call__(cls, *a, **k)


class Q(metaclass=Counting):
    pass


class R(Q):
    pass


Q(); R(); R()
print(Counting.count, type(R).__name__)
