class A:
    __secret = "A secret"
    def __init__(self):
        self.__x = 1
        self._A__y = 2
    def get(self):
        return self.__x, self.__y, self.__secret, A.__secret
    def __private_method(self):
        return "private"
    def call(self):
        return self.__private_method()

class B(A):
    def __init__(self):
        super().__init__()
        self.__x = "B's x"
    def peek(self):
        return self.__x, self._A__x

a = A()
print(a.get(), a.call(), sorted(a.__dict__))
b = B()
print(b.peek(), sorted(b.__dict__))
try:
    a.__x
except AttributeError as e:
    print(e)
print(A._A__secret, hasattr(A, "__secret"))
class _Under:
    def m(self):
        self.__v = 1
        return list(self.__dict__)
print(_Under().m())
class __Dunder__:
    def m(self):
        self.__v = 1
        return list(self.__dict__)
print(__Dunder__().m())
def outside():
    class C:
        def f(self):
            __local = 5
            return sorted(locals())
    return C().f()
print(outside())
