class C:
    x = "class"
    def method(self):
        return "method"
c = C()
print(c.x)
c.x = "instance"
print(c.x, C.x)
del c.x
print(c.x)
c.method = lambda: "instance lambda"
print(c.method(), C.method(c))
del c.method
print(c.method())
C.x = "changed class"
print(c.x)
c2 = C()
print(c2.x)
print(C.__dict__["x"], "x" in c.__dict__)
