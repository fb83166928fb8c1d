x = "module"

class A:
    x = "class"
    y = x
    def m(self):
        return x
    z = [x for _ in range(1)]

print(A.y, A().m(), A.z)

def f():
    v = "func"
    class B:
        w = v
        def get(self):
            return v
    return B

B = f()
print(B.w, B().get())

def g():
    v = 1
    class C:
        v = 2
        def m(self):
            return v
    return C().m(), C.v

print(g())

class D:
    a = 1
    b = a + 1
    del a

print(D.b, hasattr(D, 'a'))
