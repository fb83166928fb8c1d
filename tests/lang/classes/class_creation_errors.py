class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("set_name failed")
try:
    class C:
        attr = BadSetName()
except RuntimeError as e:
    print("RuntimeError", e, "cause:", repr(e.__cause__))
except ValueError as e:
    print("ValueError", e)

class Base:
    def __init_subclass__(cls, **kw):
        raise TypeError("no subclasses of " + cls.__name__)
try:
    class Sub(Base):
        pass
except TypeError as e:
    print("TypeError", e)

class Meta(type):
    def __new__(mcs, name, bases, ns):
        if "forbidden" in ns:
            raise AttributeError("forbidden attribute in " + name)
        return super().__new__(mcs, name, bases, ns)
try:
    class D(metaclass=Meta):
        forbidden = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    class E(5):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class F(object, object):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class G(int, str):
        pass
except TypeError as e:
    print("TypeError", e)
def body_raises():
    class H:
        x = 1 / 0
try:
    body_raises()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    class I(bool):
        pass
except TypeError as e:
    print("TypeError", e)
