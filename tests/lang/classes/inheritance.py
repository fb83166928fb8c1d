class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()

class B(A):
    def who(self):
        return "B"

class C(B):
    pass

print(C().hello(), issubclass(C, A), issubclass(A, C), C.__bases__, C.__base__)
print(isinstance(C(), (int, A)))
print([k.__name__ for k in C.__mro__])
print(C.mro() == list(C.__mro__))
