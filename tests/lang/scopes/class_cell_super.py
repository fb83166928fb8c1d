class A:
    def greet(self):
        return "A"

class B(A):
    def greet(self):
        def inner():
            return super(B, self).greet() + "-inner"
        return inner()
    def via_class_cell(self):
        return __class__.__name__
    def lambda_super(self):
        f = lambda: super().greet()
        return f()

b = B()
print(b.greet(), b.via_class_cell(), b.lambda_super())

class C:
    def make(self):
        return [__class__ for _ in range(2)]
print(C().make())
def plain():
    try:
        super()
    except RuntimeError as e:
        return str(e)
print(plain())
class D:
    @staticmethod
    def s():
        try:
            super().x
        except RuntimeError as e:
            return str(e)
print(D.s())
