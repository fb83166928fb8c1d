# property: getter/setter/deleter chains, docs, errors, subclass overrides.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        "The temperature in degrees Celsius."
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("reset")
        self._c = 0

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError", e)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__)
p = property()
try:
    p.__get__(t, Temp)
except AttributeError as e:
    print("AttributeError", e)


class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)


s = Sub()
s.celsius = 7
print(s.celsius)
