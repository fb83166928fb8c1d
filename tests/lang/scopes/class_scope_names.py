y = "global y"
class A:
    y = "class y"
    def f(self):
        return y
    g = lambda self: y
    z = y
print(A().f(), A().g(), A.z)

def func():
    y = "func y"
    class B:
        print("in class body:", y)
        y = "B.y"
        print("after assignment:", y)
        def m(self):
            return y
    return B().m(), B.y
print(func())

class C:
    __qualname_check = __qualname__
    name = __name__
    module = __module__
print(C._C__qualname_check, C.name, C.module)
